package dev.digits.image;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Phones store a photo's pixels as the sensor saw them and an EXIF tag saying how to turn them upright;
 * a digit photographed in portrait would otherwise reach us lying on its side. Values are the EXIF
 * ones: 1 upright, 2 mirrored, 3 upside down, 4 flipped, 5 transposed, 6 needs a quarter turn
 * clockwise, 7 transversed, 8 needs a quarter turn anticlockwise.
 */
final class ExifOrientation {
    static final int UPRIGHT = 1;

    private ExifOrientation() {}

    /**
     * The orientation tag of a JPEG stream ({@link #UPRIGHT} when there is none or it cannot be read:
     * metadata never makes a readable picture fail), leaving the stream at its start.
     */
    static int read(ImageInputStream jpeg) throws IOException {
        try {
            List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(jpeg, JPEG.APP1, "Exif");
            if (segments.isEmpty()) {
                return UPRIGHT;
            }
            InputStream data = segments.get(0).data();
            data.read(); // the pad byte after "Exif\0"
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory exif = new TIFFReader().read(tiff);
                Entry orientation = exif.getEntryById(TIFF.TAG_ORIENTATION);
                int value = orientation == null ? UPRIGHT : ((Number) orientation.getValue()).intValue();
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        } catch (IOException | RuntimeException e) {
            return UPRIGHT;
        } finally {
            jpeg.seek(0);
        }
    }

    /** The image turned upright according to {@code orientation} (the same image when upright). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation == UPRIGHT) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swaps = orientation >= 5;
        int outW = swaps ? h : w;
        int outH = swaps ? w : h;
        BufferedImage out = new BufferedImage(
                outW,
                outH,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                // Where the upright pixel (x, y) is stored.
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> {
                        sx = w - 1 - x;
                        sy = y;
                    }
                    case 3 -> {
                        sx = w - 1 - x;
                        sy = h - 1 - y;
                    }
                    case 4 -> {
                        sx = x;
                        sy = h - 1 - y;
                    }
                    case 5 -> {
                        sx = y;
                        sy = x;
                    }
                    case 6 -> {
                        sx = y;
                        sy = h - 1 - x;
                    }
                    case 7 -> {
                        sx = w - 1 - y;
                        sy = h - 1 - x;
                    }
                    case 8 -> {
                        sx = w - 1 - y;
                        sy = x;
                    }
                    default -> throw new IllegalArgumentException("EXIF orientation " + orientation + " is not 1..8");
                }
                out.setRGB(x, y, image.getRGB(sx, sy));
            }
        }
        return out;
    }
}
