package dev.digits.cli;

import com.sun.jna.NativeLibrary;
import java.util.Set;
import jdk.jfr.FlightRecorder;

/**
 * How the launcher's process ends. A process that ends normally runs the static destructors of the
 * native libraries it loaded, and PyTorch's unregister its operators one by one: about a tenth of a
 * second of CPU after the last answer is printed, which {@code digits predict one.png} waited for.
 *
 * <p>The commands that read pictures ({@code predict}, {@code read}) hold nothing that needs an orderly
 * end: they register no shutdown hooks, and every file they write is in place before they return. So
 * once their output is flushed, their process ends at once, with the C library's {@code _exit}, called
 * through JNA (which DJL has already loaded to look for CUDA). Every other command, a JVM with a flight
 * recording (written as the JVM exits), and any platform where that call cannot be made end through
 * {@link System#exit}. Diagnostics that the JVM prints as it exits ({@code -XX:+CITime}) need
 * {@code -Ddigits.exit=orderly}.
 */
final class ProcessEnd {
    /** Commands whose process may end without running shutdown hooks or native destructors. */
    private static final Set<String> AT_ONCE = Set.of("predict", "read");
    /** {@code -Ddigits.exit=orderly} ends every command through {@link System#exit}. */
    private static final String EXIT_PROPERTY = "digits.exit";

    private ProcessEnd() {}

    /**
     * Ends the process of the command line {@code args} with {@code code}. The standard streams are
     * flushed first; picocli's writers flush at every line.
     */
    static void exit(int code, String[] args) {
        if (args.length > 0 && AT_ONCE.contains(args[0]) && !orderlyAsked() && !recording()) {
            System.out.flush();
            System.err.flush();
            try {
                NativeLibrary.getProcess().getFunction("_exit").invokeVoid(new Object[] {code});
            } catch (LinkageError | RuntimeException unavailable) {
                // no C library reachable through JNA here: the orderly way below
            }
        }
        System.exit(code);
    }

    private static boolean orderlyAsked() {
        return "orderly".equals(System.getProperty(EXIT_PROPERTY));
    }

    private static boolean recording() {
        try {
            return FlightRecorder.isInitialized();
        } catch (LinkageError noFlightRecorder) {
            return false;
        }
    }
}
