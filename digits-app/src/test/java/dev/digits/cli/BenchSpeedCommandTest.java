package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.digits.handwriting.RealHandwriting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits bench read} and {@code digits bench serve}, small, on real pen strokes. */
class BenchSpeedCommandTest {
    private static void assumeRealHandwriting() {
        assumeTrue(
                Files.isDirectory(Path.of(RealHandwriting.DEFAULT_DIRECTORY).resolve("pendigits")),
                "skipped: the real handwriting (shared/data beside the repository) is absent");
    }

    @Test
    void benchReadWritesThePicturesOnceAndPrintsImagesPerSecondOnOneThreadAndOnEveryCore(@TempDir Path out)
            throws Exception {
        assumeRealHandwriting();
        CliRunner.Run run = CliRunner.run(
                "bench", "read", "--out", out.toString(), "--count", "40", "--numbers", "6", "--runs", "1");
        assertEquals(0, run.exitCode(), run.err());
        try (var files = Files.list(out.resolve("digits"))) {
            assertEquals(40, files.count());
        }
        Matcher predict =
                Pattern.compile("predict \\S+ +40 +(\\d+) img/s +(\\d+) img/s").matcher(run.out());
        assertTrue(predict.find(), run.out());
        assertTrue(Integer.parseInt(predict.group(1)) > 0 && Integer.parseInt(predict.group(2)) > 0, run.out());
        assertTrue(
                Pattern.compile("read \\S+ +6 +\\d+ img/s").matcher(run.out()).find(), run.out());

        // A second run with other counts replaces the pictures rather than mixing old and new.
        CliRunner.Run again = CliRunner.run(
                "bench", "read", "--out", out.toString(), "--count", "30", "--numbers", "6", "--runs", "1");
        assertEquals(0, again.exitCode(), again.err());
        try (var files = Files.list(out.resolve("digits"))) {
            assertEquals(30, files.count());
        }
    }

    @Test
    void benchServeLoadsARealServerAndCountsOnlyAnswers(@TempDir Path out) throws Exception {
        assumeRealHandwriting();
        Path pictures = out.resolve("pictures");
        ReadSpeed.ensurePictures(
                new RealHandwriting(
                                new dev.digits.data.DataCache(out.resolve("cache")),
                                Path.of(RealHandwriting.DEFAULT_DIRECTORY))
                        .penDigitsForSpeed(10),
                pictures,
                10);
        CliRunner.Run run = CliRunner.run(
                "bench", "serve", "--pictures", pictures.toString(), "--seconds", "1", "--connections", "1,2");
        assertEquals(0, run.exitCode(), run.err());
        Matcher two = Pattern.compile("\\n +2 +(\\d+) +(\\d+\\.\\d) +(\\d+\\.\\d) +(\\d+)")
                .matcher(run.out());
        assertTrue(two.find(), run.out());
        assertTrue(Integer.parseInt(two.group(1)) > 0, "answers per second: " + run.out());
        assertTrue(Double.parseDouble(two.group(2)) <= Double.parseDouble(two.group(3)), "p50 <= p99: " + run.out());
        assertEquals("0", two.group(4), "no request failed: " + run.out());
    }
}
