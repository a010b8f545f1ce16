package dev.digits.image;

import dev.digits.DigitsException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes image files (PNG, JPEG, GIF, BMP from the JDK; WebP and TIFF through the TwelveMonkeys
 * ImageIO plugins) with a limit on the number of pixels, checked from the header before any pixel is
 * decoded: a small file can declare a huge image (a decompression bomb) and decoding it would exhaust
 * memory. Of animated or multi-page files, the first image is read. JPEG photos are turned upright as
 * their EXIF orientation tag says (phones store portrait photos sideways). The PNGs drawings are saved
 * as (8-bit grey, RGB or RGBA) are read by {@link PngReader}, faster, into an image of the same
 * pixels and colours as ImageIO's (for colour, an image of the custom type over the decoded rows).
 *
 * <p>Every failure a user can fix (unknown format, corrupt data, too large) is a {@link DigitsException}
 * naming the input. Thread-safe.
 */
public final class ImageDecoder {
    /** Enough for any phone camera (a 50-megapixel sensor is 8160x6120). */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    private static final String FORMATS = "PNG, JPEG, GIF, BMP, WebP or TIFF";

    private final long maxPixels;

    public ImageDecoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    public ImageDecoder(long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("pixel limit must be positive, got " + maxPixels);
        }
        this.maxPixels = maxPixels;
    }

    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Finds the image readers (ImageIO's registry of plugins, and the AWT classes and native libraries
     * under them) on a thread of its own, so that a command which decodes its first image only after
     * loading the engine finds them ready. Returns at once; a decode that comes first waits for it.
     */
    public static void findReadersInBackground() {
        Thread thread = new Thread(() -> ImageIO.getImageReadersByFormatName("png"), "image-readers");
        thread.setDaemon(true);
        thread.start();
    }

    public BufferedImage decode(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DigitsException(name + ": no such file");
        }
        try {
            if (Files.size(file) <= MAX_READ_WHOLE) {
                return decode(Files.readAllBytes(file), name);
            }
            try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
                return decode(in, name);
            }
        } catch (IOException e) {
            throw new DigitsException(name + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /**
     * Files up to this size are read whole and decoded from memory, where the common PNGs have a faster
     * reader ({@link PngReader}); larger ones are streamed to ImageIO.
     */
    private static final long MAX_READ_WHOLE = 64L << 20;

    /** Decodes an image held in memory; {@code name} says in messages which input it was. */
    public BufferedImage decode(byte[] bytes, String name) {
        if (bytes.length == 0) {
            throw new DigitsException(name + ": empty, expected a " + FORMATS + " image");
        }
        BufferedImage png = PngReader.read(bytes, maxPixels);
        if (png != null) {
            return png;
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in, name);
        } catch (IOException e) {
            throw new DigitsException(name + ": cannot read the image: " + e.getMessage(), e);
        }
    }

    private BufferedImage decode(ImageInputStream in, String name) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new DigitsException(name + ": not an image this program can read (expected " + FORMATS + ")");
        }
        ImageReader reader = readers.next();
        try {
            String format = reader.getFormatName().toUpperCase(Locale.ROOT);
            int orientation = format.equals("JPEG") ? ExifOrientation.read(in) : ExifOrientation.UPRIGHT;
            reader.setInput(in, true, true);
            long width;
            long height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw new DigitsException(name + ": corrupt " + format + " header: " + describe(e), e);
            }
            if (width <= 0 || height <= 0) {
                throw new DigitsException(
                        name + ": " + format + " header declares an empty " + width + "x" + height + " image");
            }
            if (width * height > maxPixels) {
                throw new ImageTooLargeException(String.format(
                        Locale.ROOT,
                        "%s: the %s image is %dx%d = %,d pixels, more than the limit of %,d; scale it down first",
                        name,
                        format,
                        width,
                        height,
                        width * height,
                        maxPixels));
            }
            try {
                return ExifOrientation.upright(reader.read(0), orientation);
            } catch (IOException | RuntimeException e) {
                // Plugins report truncated or malformed data with assorted runtime exceptions too.
                throw new DigitsException(name + ": cannot decode the " + format + " data: " + describe(e), e);
            }
        } finally {
            reader.dispose();
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
