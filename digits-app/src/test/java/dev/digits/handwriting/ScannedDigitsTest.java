package dev.digits.handwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.DigitsException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannedDigitsTest {
    @Test
    void readsOptdigitsBitmapsAfterTheHeader(@TempDir Path dir) throws IOException {
        StringBuilder text = new StringBuilder("BU handwritten digit database\nentwidth = 32\n");
        for (int y = 0; y < 32; y++) {
            text.append(y == 3 ? "1".repeat(32) : "0".repeat(31) + "1").append('\n');
        }
        text.append(" 4\n");
        Path file = dir.resolve("opt");
        Files.writeString(file, text);
        List<ScannedDigit> digits = ScannedDigits.optdigits(file);
        assertEquals(1, digits.size());
        assertEquals(4, digits.get(0).label());
        assertEquals(1f, digits.get(0).ink()[3 * 32 + 5]);
        assertEquals(0f, digits.get(0).ink()[5 * 32 + 5]);
    }

    @Test
    void readsUspsValuesFromMinusOneAsPaper(@TempDir Path dir) throws IOException {
        StringBuilder line = new StringBuilder("3.0000");
        for (int i = 0; i < 256; i++) {
            line.append(i == 17 ? " 1.0000" : " -1.0000");
        }
        Path file = dir.resolve("zip");
        Files.writeString(file, line + "\n");
        ScannedDigit digit = ScannedDigits.usps(file).get(0);
        assertEquals(3, digit.label());
        assertEquals(1f, digit.ink()[17]);
        BufferedImage onPaper = digit.image(false);
        assertEquals(0, onPaper.getRaster().getSample(1, 1, 0), "full ink is black on paper");
        assertEquals(255, onPaper.getRaster().getSample(0, 0, 0));
    }

    @Test
    void aShortUspsLineIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("zip");
        Files.writeString(file, "3 -1 -1\n");
        DigitsException e = assertThrows(DigitsException.class, () -> ScannedDigits.usps(file));
        assertEquals(true, e.getMessage().contains("expected a label and 256 values"), e.getMessage());
    }

    @Test
    void filledStretchesTheInkToEveryBorder() {
        float[] ink = new float[32 * 32];
        for (int y = 10; y < 20; y++) {
            ink[y * 32 + 15] = 1f;
            ink[y * 32 + 16] = 1f;
        }
        ScannedDigit filled = Scans.filled(new ScannedDigit(1, 32, ink), 16);
        assertEquals(16, filled.side());
        for (int i = 0; i < 16 * 16; i++) {
            assertEquals(1f, filled.ink()[i], "a bar cropped and stretched fills the whole box");
        }
    }
}
