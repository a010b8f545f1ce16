package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ExifOrientationTest {
    private static final int MARK = 0xffff0000;

    /** Where the stored top-left pixel of a 3x2 image ends up, as {x, y}, for each orientation. */
    @Test
    void movesTheStoredTopLeftCornerWhereEachOrientationSays() {
        int[][] expected = {null, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
        for (int orientation = 2; orientation <= 8; orientation++) {
            BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
            stored.setRGB(0, 0, MARK);
            BufferedImage upright = ExifOrientation.upright(stored, orientation);
            int[] corner = expected[orientation];
            assertEquals(orientation >= 5 ? 2 : 3, upright.getWidth(), "orientation " + orientation);
            assertEquals(MARK, upright.getRGB(corner[0], corner[1]), "orientation " + orientation);
        }
    }

    @Test
    void leavesUprightImagesAlone() {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        assertSame(image, ExifOrientation.upright(image, ExifOrientation.UPRIGHT));
    }
}
