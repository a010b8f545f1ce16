package dev.digits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Python ({@code /usr/bin/python3}) for tests that check our files against the Python libraries
 * (h5py, torch) when they are installed. Tests skip, saying why, when they are not.
 */
public final class Python {
    public static final Path EXECUTABLE = Path.of("/usr/bin/python3");

    private Python() {}

    /** Why a test that needs {@code module} cannot run here, or null when it can. */
    public static String missing(String module) {
        if (!Files.isExecutable(EXECUTABLE)) {
            return EXECUTABLE + " is not installed";
        }
        try {
            run("-c", "import " + module);
            return null;
        } catch (IllegalStateException e) {
            return "Python module '" + module + "' is not installed (Debian: apt-get install python3-" + module + ")";
        }
    }

    /** Runs {@code python3 ARGS…} and returns its standard output; fails with its error output. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
