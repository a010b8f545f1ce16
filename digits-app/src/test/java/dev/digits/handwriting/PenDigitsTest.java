package dev.digits.handwriting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PenDigitsTest {
    private static final String TWO_DIGITS = """
            .INCLUDE        dene.doc
            .SEGMENT DIGIT    0 ? "7"
            .COMMENT 7 12  224
            .PEN_DOWN
             100  300
             200  300
             150  100
            .PEN_UP
            .PEN_DOWN
             120  200
             180  200
            .PEN_UP
            .SEGMENT DIGIT    1 ? "1"
            .COMMENT 1 5  80
            .PEN_DOWN
             50  10
             50  90
            .PEN_UP
            """;

    @Test
    void readsLabelsWritersAndStrokesWithTheTabletAxisFlipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pen.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(TWO_DIGITS.getBytes(StandardCharsets.US_ASCII));
        }
        List<PenDigit> digits = PenDigits.read(file);
        assertEquals(2, digits.size());
        PenDigit seven = digits.get(0);
        assertEquals(7, seven.label());
        assertEquals(12, seven.writer());
        assertEquals(2, seven.strokes().size());
        // The top of the tablet (y = 300) becomes y = 0: the bar of the 7 is at the top of the picture.
        assertArrayEquals(
                new float[] {100, 0, 200, 0, 150, 200}, seven.strokes().get(0));
        assertEquals(5, digits.get(1).writer());
    }

    @Test
    void aSegmentWithoutALabelIsAClearError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad");
        Files.writeString(file, ".SEGMENT DIGIT 0 ? \n");
        DigitsException e = assertThrows(DigitsException.class, () -> PenDigits.read(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theCanvasDrawsStrokesInThePensPolarityAndPlace() {
        PenDigit bar = new PenDigit(1, 1, List.of(new float[] {0, 0, 0, 100}));
        BufferedImage light = PenCanvas.draw(bar, new Pen(400, 20, true, 0.5, 0, 0));
        BufferedImage dark = PenCanvas.draw(bar, new Pen(400, 20, false, 0.5, 0, 0));
        // A vertical bar 200 pixels long through the centre; the corners are canvas.
        assertEquals(255, light.getRaster().getSample(200, 200, 0));
        assertEquals(0, light.getRaster().getSample(5, 5, 0));
        assertEquals(0, dark.getRaster().getSample(200, 200, 0));
        assertEquals(255, dark.getRaster().getSample(5, 5, 0));
        assertEquals(0, light.getRaster().getSample(200, 60, 0), "the bar ends 100 pixels above the centre");
        assertEquals(255, light.getRaster().getSample(200, 110, 0));
    }
}
