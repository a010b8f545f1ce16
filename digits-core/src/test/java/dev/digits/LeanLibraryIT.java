package dev.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library as another project gets it: digits-core's jar and its runtime dependencies alone (what
 * Maven resolves for a project that depends on dev.digits:digits-core), a consumer compiled against
 * them and run in a JVM of its own.
 */
class LeanLibraryIT {
    /** Parts of the application that a library user must not be made to carry. */
    private static final List<String> NOT_IN_A_LIBRARY = List.of(
            "javalin",
            "jetty",
            "picocli",
            "xchart",
            "progressbar",
            "swagger",
            "slf4j-simple",
            "logback",
            "smile",
            "selenium",
            "junit");

    private static final String CONSUMER = """
            import dev.digits.recognize.DigitRecognizer;
            import dev.digits.recognize.Prediction;
            import java.nio.file.Path;

            public class Consumer {
                public static void main(String[] args) {
                    try (DigitRecognizer recognizer = DigitRecognizer.load()) {
                        Prediction p = recognizer.predict(Path.of(args[0]));
                        System.out.println("digit " + p.digit() + " sure " + p.sure());
                    }
                }
            }
            """;

    private static List<String> classpath() throws Exception {
        List<String> entries = new ArrayList<>();
        entries.add(System.getProperty("digits.core.jar"));
        String dependencies = Files.readString(Path.of(System.getProperty("digits.core.classpath")))
                .strip();
        entries.addAll(List.of(dependencies.split(File.pathSeparator)));
        return entries;
    }

    @Test
    void theLibraryCarriesNoWebCliChartOrLoggingBindingJar() throws Exception {
        for (String entry : classpath()) {
            String name = Path.of(entry).getFileName().toString().toLowerCase(Locale.ROOT);
            for (String banned : NOT_IN_A_LIBRARY) {
                assertTrue(!name.contains(banned), "digits-core's runtime classpath holds " + name);
            }
        }
    }

    @Test
    void aConsumerReadsADigitWithTheLibraryAlone(@TempDir Path dir) throws Exception {
        String classpath = String.join(File.pathSeparator, classpath());
        Path source = dir.resolve("Consumer.java");
        Files.writeString(source, CONSUMER);
        int compiled = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-cp", classpath, "-d", dir.toString(), source.toString());
        assertEquals(0, compiled, "the consumer compiles against digits-core alone");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(
                        java.toString(),
                        "-Dai.djl.offline=true",
                        "-cp",
                        dir + File.pathSeparator + classpath,
                        "Consumer",
                        Path.of("docs/samples/canvas-8.png").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the consumer finished");
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), out);
        assertTrue(out.contains("digit 8 sure true"), out);
    }
}
