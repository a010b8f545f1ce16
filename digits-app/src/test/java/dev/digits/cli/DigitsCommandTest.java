package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.train.TrainingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages for bad usage and missing files: 2 for usage, 1 for failures. */
class DigitsCommandTest {
    @TempDir
    Path dir;

    private static void assertFails(int code, String expectedInErr, String... args) {
        CliRunner.Run run = CliRunner.run(args);
        assertEquals(code, run.exitCode(), "exit code of digits " + String.join(" ", args) + "; stderr: " + run.err());
        assertTrue(
                run.err().contains(expectedInErr),
                "stderr should contain '" + expectedInErr + "' but was: " + run.err());
    }

    @Test
    void noCommandIsAUsageError() {
        assertFails(2, "a command is required");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertFails(2, "Unknown options: '--epoch'", "train", "--epoch", "3");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertFails(2, "epochs must be at least 1, got 0", "train", "--epochs", "0");
        assertFails(
                2, "Invalid value for option '--batch-size': 'many' is not an int", "train", "--batch-size", "many");
        assertFails(2, "unknown architecture 'resnet'; available: seed", "train", "--arch", "resnet");
        assertFails(2, "--model NAME is now --arch NAME", "train", "--model", "resnet"); // the old name still works
        assertFails(2, "expected one of [HOLDOUT, TEST]", "train", "--validation", "half");
    }

    @Test
    void valuesTheLibraryRefusesAreUsageErrorsThatSayWhereTheHelpIs() {
        assertFails(2, "port must be 0 (any free port) to 65535, got -5", "serve", "--port", "-5");
        assertFails(2, "Run 'digits serve --help' for its options.", "serve", "--port", "70000");
        assertFails(2, "Possible solutions: --epochs", "train", "--epoch", "3");
    }

    @Test
    void helpListsTheExitCodesAndCompletionIsGenerated() {
        CliRunner.Run help = CliRunner.run("predict", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("2   bad usage"), help.out());
        CliRunner.Run completion = CliRunner.run("generate-completion");
        assertEquals(0, completion.exitCode(), completion.err());
        assertTrue(
                completion.out().contains("complete -F") && completion.out().contains("predict"),
                "a bash completion script that knows the commands");
    }

    @Test
    void evaluateNeedsAModel() {
        assertFails(2, "Missing required option: '--model=DIR'", "evaluate");
        assertFails(
                1,
                "model directory " + dir.resolve("none") + " does not exist",
                "evaluate",
                "--model",
                dir.resolve("none").toString());
    }

    @Test
    void reportNeedsAModel() throws IOException {
        assertFails(2, "Missing required option: '--model=DIR'", "report");
        assertFails(
                1,
                "model directory " + dir.resolve("none") + " does not exist",
                "report",
                "--model",
                dir.resolve("none").toString());
        Files.writeString(dir.resolve("model.json"), "{}");
        assertFails(1, dir + " is not a model directory: model.params is missing", "report", "--model", dir.toString());
    }

    @Test
    void resumeNeedsACheckpoint() {
        assertFails(1, "no checkpoint in " + dir + " (checkpoint.bin is missing)", "train", "--resume", dir.toString());
    }

    @Test
    void refusesToOverwriteAModel() throws IOException {
        Files.writeString(dir.resolve("model.json"), "{}");
        assertFails(1, dir + " already holds a model or a checkpoint", "train", "--out", dir.toString());
    }

    @Test
    void helpShowsDefaultsFromTheTrainingOptionsAndTheArchitecturesToChooseFrom() {
        CliRunner.Run run = CliRunner.run("train", "--help");
        assertEquals(0, run.exitCode());
        TrainingOptions defaults = TrainingOptions.defaults();
        assertTrue(
                run.out()
                        .matches("(?s).*--batch-size=N\\s+Batch size\\.\\s+Default: " + defaults.batchSize() + "\\b.*"),
                run.out());
        assertTrue(run.out().matches("(?s).*--epochs=N.*Default: " + defaults.epochs() + "\\b.*"), run.out());
        assertTrue(run.out().contains("Architecture: seed, compact, wide, strided, quick."), run.out());
        assertTrue(run.out().contains("--resume=DIR"), run.out());
    }
}
