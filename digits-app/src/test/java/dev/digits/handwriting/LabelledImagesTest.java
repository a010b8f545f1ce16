package dev.digits.handwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledImagesTest {
    @TempDir
    Path dir;

    @Test
    void singleDigitsArePreparedAndNumbersAndBlankPicturesSkipped() throws IOException {
        Files.write(dir.resolve("a.png"), TestImages.png(TestImages.digits(6, 0)));
        Files.write(dir.resolve("b.png"), TestImages.png(TestImages.digits(6, 1)));
        Files.write(dir.resolve("c.png"), TestImages.png(TestImages.digits(6, 2, 3)));
        Files.write(dir.resolve("blank.png"), TestImages.png(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY)));
        Files.write(
                dir.resolve(LabelledImages.LABELS),
                List.of(
                        "file,label",
                        "a.png," + TestImages.label(0),
                        "b.png," + TestImages.label(1),
                        "c.png," + TestImages.label(2) + TestImages.label(3),
                        "blank.png,4"));
        LabelledImages read = LabelledImages.read(dir);
        assertEquals(2, read.images().size());
        assertEquals(2, read.skipped(), "the number and the blank picture");
        assertEquals(TestImages.label(0), read.images().labels()[0]);
        assertEquals(TestImages.label(1), read.images().labels()[1]);
        int ink = 0;
        for (int p = 0; p < 784; p++) {
            ink += read.images().pixels()[p] != 0 ? 1 : 0;
        }
        assertTrue(ink > 50 && ink < 500, "a prepared digit, fitted into 20x20 in 28x28: " + ink + " inked pixels");
    }

    @Test
    void aDirectoryWithoutLabelsSaysWhatItNeeds() {
        DigitsException e = assertThrows(DigitsException.class, () -> LabelledImages.read(dir));
        assertTrue(e.getMessage().contains("labels.csv (file,label)"), e.getMessage());
    }
}
