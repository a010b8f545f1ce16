package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestImages;
import dev.digits.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code digits predict} and {@code digits read} on image files, with the bundled model. */
class PredictCommandTest {
    @TempDir
    Path dir;

    /** MNIST test digits side by side, white ink on black, enlarged 5x, as a PNG file. */
    private Path png(String name, int... indices) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, TestImages.png(TestImages.digits(5, indices)));
        return file;
    }

    @Test
    void predictsEachFileOfADirectoryAsJsonLines() throws IOException {
        png("a-seven.png", 0);
        png("b-two.png", 1);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        CliRunner.Run run = CliRunner.run("predict", dir.toString(), "--json", "--top", "2");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertEquals(dir.resolve("a-seven.png").toString(), first.get("file").asText());
        assertEquals(7, first.get("digit").asInt());
        assertEquals(10, first.get("probabilities").size());
        assertTrue(first.get("confidence").asDouble() > 0.5);
        assertEquals(2, first.get("top").size());
        assertEquals(2, Json.MAPPER.readTree(lines.get(1)).get("digit").asInt());
    }

    @Test
    void printsTextAndSavesWhatTheModelSaw() throws IOException {
        Path seven = png("seven.png", 0);
        Path saved = dir.resolve("seen");
        CliRunner.Run run = CliRunner.run("predict", seven.toString(), "--save-preprocessed", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(seven + ": 7 ("), run.out());
        assertTrue(run.out().contains("top 3: 7 "), run.out());
        BufferedImage input = ImageIO.read(saved.resolve("seven.png").toFile());
        assertEquals(28, input.getWidth());
        assertEquals(28, input.getHeight());
    }

    @Test
    void blankAndBrokenFilesFailClearly() throws IOException {
        ImageIO.write(
                new BufferedImage(100, 100, BufferedImage.TYPE_BYTE_GRAY),
                "png",
                dir.resolve("blank.png").toFile());
        Files.write(dir.resolve("broken.png"), new byte[] {1, 2, 3, 4});
        CliRunner.Run run = CliRunner.run(
                "predict",
                dir.resolve("blank.png").toString(),
                dir.resolve("broken.png").toString(),
                png("ok.png", 0).toString());
        assertEquals(1, run.exitCode(), "some inputs failed");
        assertTrue(run.err().contains("no digit found in " + dir.resolve("blank.png")), run.err());
        assertTrue(run.err().contains("broken.png"), run.err());
        assertTrue(run.out().contains("ok.png: 7"), "the good file is still predicted: " + run.out());
        // As JSON, one line per file in their order: the failures of a batch where their files were.
        CliRunner.Run json = CliRunner.run(
                "predict",
                "--json",
                dir.resolve("blank.png").toString(),
                dir.resolve("ok.png").toString(),
                dir.resolve("broken.png").toString());
        List<String> lines = json.out().lines().toList();
        assertEquals(3, lines.size(), json.out());
        assertTrue(Json.MAPPER.readTree(lines.get(0)).get("error").asText().startsWith("no digit found"), lines.get(0));
        assertEquals(7, Json.MAPPER.readTree(lines.get(1)).get("digit").asInt(), lines.get(1));
        assertTrue(Json.MAPPER.readTree(lines.get(2)).has("error"), lines.get(2));
        assertEquals(
                1,
                CliRunner.run("predict", dir.resolve("missing.png").toString()).exitCode());
        assertEquals(
                2,
                CliRunner.run("predict", png("x.png", 0).toString(), "--top", "11")
                        .exitCode());
    }

    @Test
    void readsNumbers() throws IOException {
        Path number = png("number.png", 1, 2, 0); // 2, 1, 7
        CliRunner.Run run = CliRunner.run(
                "read",
                number.toString(),
                "--json",
                "--save-preprocessed",
                dir.resolve("seen").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode reading = Json.MAPPER.readTree(run.out());
        assertEquals("217", reading.get("text").asText());
        assertEquals(3, reading.get("digits").size());
        assertTrue(reading.get("digits").get(0).get("box").get("width").asInt() > 0);
        assertTrue(Files.exists(dir.resolve("seen/number-3.png")));
        CliRunner.Run text = CliRunner.run("read", number.toString());
        assertTrue(text.out().startsWith(number + ": 217   ("), text.out());
    }
}
