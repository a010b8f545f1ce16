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

/** {@code digits bench real} with the bundled model on the real photos and drawings of shared/data. */
class BenchRealCommandTest {
    @Test
    void readsRealPhotosThroughTheUsersPathAndDrawsItsMistakes(@TempDir Path out) {
        Path root = Path.of(RealHandwriting.DEFAULT_DIRECTORY);
        assumeTrue(
                Files.isDirectory(root.resolve("real/single")) && Files.isDirectory(root.resolve("pendigits")),
                "skipped: the real handwriting (shared/data beside the repository) is absent");
        CliRunner.Run run = CliRunner.run("bench", "real", "--set", "real/single", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher ours = Pattern.compile("93 digits: ours (\\d+\\.\\d+)% .* naive (\\d+\\.\\d+)%")
                .matcher(run.out());
        assertTrue(ours.find(), run.out());
        double accuracy = Double.parseDouble(ours.group(1));
        assertTrue(accuracy >= 97.0, "the bundled model reads the real photos and drawings: " + accuracy + "%");
        assertTrue(accuracy > Double.parseDouble(ours.group(2)), "better than the naive whole-image resize");
        assertTrue(run.out().contains("per digit:"), run.out());
        assertTrue(run.out().contains("of wrong answers"), "the sureness table: " + run.out());
        assertTrue(run.out().contains("mistakes: ") == Files.exists(out.resolve("mistakes-real-single.png")));
    }
}
