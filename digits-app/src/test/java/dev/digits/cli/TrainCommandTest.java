package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestData;
import dev.digits.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train and evaluate commands end to end, including a run killed with SIGKILL and resumed. */
@Tag("slow")
class TrainCommandTest {
    private static final String[] QUICK = {"--limit", "1500", "--epochs", "3", "--seed", "5"};

    @TempDir
    Path dir;

    @Test
    void trainWritesEverythingAndEvaluateAgreesWithTheCard() throws IOException {
        TestData.mnist();
        Path out = dir.resolve("model");
        CliRunner.Run train = CliRunner.run(concat(new String[] {"train", "--out", out.toString()}, QUICK));
        assertEquals(0, train.exitCode(), train.err());
        List<String> lines = train.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("test accuracy: 0\\.\\d{4}"), lines.get(lines.size() - 1));
        for (String name : List.of(
                "model.params", "model.json", "history.csv", "history.json", "training-curves.png", "checkpoint.bin")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name + " is written");
        }
        assertEquals(4, Files.readAllLines(out.resolve("history.csv")).size(), "header and one row per epoch");
        BufferedImage curves = ImageIO.read(out.resolve("training-curves.png").toFile());
        assertEquals(1280, curves.getWidth());
        Files.copy(
                out.resolve("training-curves.png"),
                TestData.artifacts().resolve("training-curves.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        JsonNode card = Json.MAPPER.readTree(out.resolve("model.json").toFile());
        assertEquals(93_322, card.get("parameters").asLong());
        assertEquals(
                "digits train --arch seed --epochs 3 --batch-size 64 --lr 0.001 --seed 5 --limit 1500 --validation holdout --keep best",
                card.get("command").asText());

        CliRunner.Run evaluate = CliRunner.run("evaluate", "--model", out.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonNode metrics = Json.MAPPER.readTree(evaluate.out());
        assertEquals(
                card.get("metrics").get("test_accuracy").asDouble(),
                metrics.get("test_accuracy").asDouble());
        assertEquals(
                card.get("metrics").get("test_loss").asDouble(),
                metrics.get("test_loss").asDouble(),
                1e-12);
        assertEquals(10_000, metrics.get("test_count").asInt());
        assertEquals(10, metrics.get("confusion_matrix").size());
        assertEquals(10, metrics.get("per_class").size());
        assertEquals(
                String.format(
                        "test accuracy: %.4f", metrics.get("test_accuracy").asDouble()),
                lines.get(lines.size() - 1));
    }

    @Test
    void benchAccuracyTrainsTheStrongRecipeAndEndsWithTheTestAccuracy() throws IOException {
        TestData.mnist();
        Path out = dir.resolve("strong");
        CliRunner.Run bench =
                CliRunner.run("bench", "accuracy", "--limit", "600", "--epochs", "2", "--out", out.toString());
        assertEquals(0, bench.exitCode(), bench.err());
        List<String> lines = bench.out().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("test accuracy: 0\\.\\d{4}"), lines.get(lines.size() - 1));
        assertTrue(
                lines.get(lines.size() - 2).matches("wall time: \\d+ s \\(\\d+:\\d\\d\\), 2 epochs, \\d+ threads"),
                lines.get(lines.size() - 2));
        JsonNode card = Json.MAPPER.readTree(out.resolve("model.json").toFile());
        assertEquals(
                "digits train --arch strided --epochs 2 --batch-size 64 --lr 0.002 --seed 42 --limit 600 --validation holdout "
                        + "--keep last --augment --schedule cosine --ema 0.999",
                card.get("command").asText());
        assertEquals(0.999, card.get("hyperparameters").get("ema").asDouble(), 1e-6);
    }

    @Test
    void aFinishedRunCanKeepItsLastEpochInsteadOfItsBest() throws IOException {
        TestData.mnist();
        Path out = dir.resolve("keep");
        CliRunner.Run train = CliRunner.run(
                "train",
                "--out",
                out.toString(),
                "--limit",
                "1500",
                "--epochs",
                "2",
                "--seed",
                "5",
                "--lr",
                "0.003",
                "--schedule",
                "one-cycle",
                "--label-smoothing",
                "0.1",
                "--patience",
                "3");
        assertEquals(0, train.exitCode(), train.err());
        JsonNode card = Json.MAPPER.readTree(out.resolve("model.json").toFile());
        assertTrue(
                card.get("command")
                        .asText()
                        .endsWith("--keep best --schedule one-cycle --label-smoothing 0.1 --patience 3"),
                card.get("command").asText());
        CliRunner.Run last = CliRunner.run("train", "--resume", out.toString(), "--keep", "last");
        assertEquals(0, last.exitCode(), last.err());
        JsonNode again = Json.MAPPER.readTree(out.resolve("model.json").toFile());
        assertEquals(2.0, again.get("metrics").get("epoch").asDouble(), "the last of two epochs is kept");
        assertEquals("last", again.get("hyperparameters").get("keep").asText());
        assertEquals(2, Files.readAllLines(out.resolve("history.csv")).size() - 1, "nothing was trained again");
    }

    @Test
    void aRunKilledWithSigkillResumesToTheSameResult() throws Exception {
        TestData.mnist();
        Path killed = dir.resolve("killed");
        Process child = new ProcessBuilder(concat(
                        new String[] {
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "-Dai.djl.offline=true",
                            DigitsCommand.class.getName(),
                            "train",
                            "--out",
                            killed.toString()
                        },
                        QUICK))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(killed.resolve("checkpoint.bin")) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        child.waitFor();
        assertTrue(
                Files.exists(killed.resolve("checkpoint.bin")),
                "the child wrote a checkpoint: " + Files.readString(dir.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("model.json")), "the child was killed before it finished");

        CliRunner.Run resumed = CliRunner.run("train", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().startsWith("Resuming seed"), resumed.out());

        Path straight = dir.resolve("straight");
        assertEquals(
                0,
                CliRunner.run(concat(new String[] {"train", "--out", straight.toString()}, QUICK))
                        .exitCode());
        assertArrayEquals(
                Files.readAllBytes(straight.resolve("model.params")),
                Files.readAllBytes(killed.resolve("model.params")),
                "parameters after resume equal those of an uninterrupted run");
        assertEquals(
                Json.MAPPER
                        .readTree(straight.resolve("model.json").toFile())
                        .get("metrics")
                        .get("test_accuracy"),
                Json.MAPPER
                        .readTree(killed.resolve("model.json").toFile())
                        .get("metrics")
                        .get("test_accuracy"));
        assertFalse(
                Files.list(killed).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                "no temporary files left");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] result = new String[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
