package dev.digits.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.DataFormatException;

/**
 * Reads the PNGs that drawings and screenshots are saved as: 8 bits per sample, grey, RGB or RGBA, not
 * interlaced, without a transparent colour or an ICC profile. The image has the samples and colours
 * ImageIO's reader gives for the same file, pixel for pixel, and its colour model, in a fraction of its
 * time ({@link Inflate}): its raster is the decoded rows themselves, so grey pictures are of ImageIO's
 * type and colour ones of the custom type (samples in the file's order, not ImageIO's BGR or ABGR).
 * Any other file, or anything unexpected in one, is left to ImageIO:
 * {@link #read} returns null, and ImageIO's reader reads it or says what is wrong with it.
 */
final class PngReader {
    private static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};
    private static final int GREY = 0;
    private static final int RGB = 2;
    private static final int RGBA = 6;
    /** The colour models of ImageIO's images of grey, RGB and RGBA pictures (immutable, so shared). */
    private static final ColorModel GREY_MODEL = colourModelOf(BufferedImage.TYPE_BYTE_GRAY);

    private static final ColorModel RGB_MODEL = colourModelOf(BufferedImage.TYPE_3BYTE_BGR);
    private static final ColorModel RGBA_MODEL = colourModelOf(BufferedImage.TYPE_4BYTE_ABGR);
    /**
     * The largest buffer of filtered rows read here (a 16-megapixel RGBA picture): it is held beside
     * the image, so larger pictures are ImageIO's, which reads row by row.
     */
    private static final long MAX_ROW_BYTES = 1L << 26;

    private PngReader() {}

    private static ColorModel colourModelOf(int imageType) {
        return new BufferedImage(1, 1, imageType).getColorModel();
    }

    /**
     * The image in {@code file}, or null where ImageIO is to read it: not a PNG of the kinds above,
     * more than {@code maxPixels} pixels (ImageIO's path reports that), or malformed.
     */
    static BufferedImage read(byte[] file, long maxPixels) {
        if (file.length < SIGNATURE.length + 25 || !startsWithSignature(file)) {
            return null;
        }
        int p = SIGNATURE.length;
        if (intAt(file, p) != 13 || !typeAt(file, p).equals("IHDR")) {
            return null;
        }
        int width = intAt(file, p + 8);
        int height = intAt(file, p + 12);
        int bitDepth = file[p + 16];
        int colourType = file[p + 17];
        boolean plain = file[p + 18] == 0 && file[p + 19] == 0 && file[p + 20] == 0; // compression, filter, interlace
        int channels = colourType == GREY ? 1 : colourType == RGB ? 3 : colourType == RGBA ? 4 : 0;
        if (width <= 0 || height <= 0 || bitDepth != 8 || channels == 0 || !plain) {
            return null;
        }
        long rowBytes = 1 + (long) width * channels; // a filter-type byte, then the samples
        if ((long) width * height > maxPixels || rowBytes * height > MAX_ROW_BYTES) {
            return null;
        }
        byte[] data = imageData(file, p + 25, colourType);
        if (data == null || !zlibHeaderOk(data)) {
            return null;
        }
        byte[] rows = new byte[(int) (rowBytes * height)];
        try {
            int end = Inflate.into(rows, data, 2, data.length);
            if (end + 4 > data.length || intAt(data, end) != adler32(rows)) {
                return null; // a damaged stream, which ImageIO's reader reports
            }
        } catch (DataFormatException e) {
            return null;
        }
        return unfiltered(rows, width, height, channels);
    }

    private static boolean startsWithSignature(byte[] file) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (file[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The IDAT chunks' data, joined, from the chunks after the header at {@code p}; null for a chunk
     * that changes how the pixels are read (a transparent colour, an ICC profile, an unknown critical
     * chunk), a palette for grey, or a file that ends before its IEND chunk.
     */
    private static byte[] imageData(byte[] file, int p, int colourType) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(file.length);
        boolean inData = false;
        boolean afterData = false; // a chunk other than IDAT came after the data began
        while (p + 12 <= file.length) {
            int length = intAt(file, p);
            if (length < 0 || length > file.length - p - 12) {
                return null;
            }
            String type = typeAt(file, p);
            switch (type) {
                case "IDAT" -> {
                    if (afterData) {
                        return null; // the data chunks must follow one another
                    }
                    data.write(file, p + 8, length);
                    inData = true;
                }
                case "IEND" -> {
                    return inData ? data.toByteArray() : null;
                }
                case "PLTE" -> { // a suggested palette for RGB: the pixels do not use it
                    if (colourType == GREY) {
                        return null;
                    }
                }
                case "tRNS", "iCCP", "IHDR" -> {
                    return null;
                }
                default -> {
                    if ((type.charAt(0) & 0x20) == 0) { // a critical chunk this reader does not know
                        return null;
                    }
                }
            }
            afterData |= inData && !type.equals("IDAT");
            p += length + 12; // length, type, data, CRC
        }
        return null;
    }

    /** A zlib stream of DEFLATE data without a preset dictionary (RFC 1950): the only kind PNG allows. */
    private static boolean zlibHeaderOk(byte[] data) {
        if (data.length < 2) {
            return false;
        }
        int method = data[0] & 0xff;
        int flags = data[1] & 0xff;
        return (method & 0x0f) == 8 && (method >>> 4) <= 7 && (method * 256 + flags) % 31 == 0 && (flags & 0x20) == 0;
    }

    /**
     * Undoes each row's filter (PNG 9.2) in place, and makes {@code rows} the image's raster, each row's
     * samples after its filter-type byte: no second copy of the pixels. Grey pictures are ImageIO's
     * type (grey bytes); colour ones keep PNG's order of samples (RGB, RGBA) in an image of the custom
     * type, with ImageIO's colour model, so that they have its colours.
     */
    private static BufferedImage unfiltered(byte[] rows, int width, int height, int channels) {
        int stride = width * channels;
        int rowBytes = stride + 1;
        for (int y = 0; y < height; y++) {
            int row = y * rowBytes + 1;
            int above = row - rowBytes; // only read when y > 0
            if (!unfilter(rows, rows[row - 1], row, above, y > 0, stride, channels)) {
                return null;
            }
        }
        int[] bandOffsets = new int[channels];
        for (int band = 0; band < channels; band++) {
            bandOffsets[band] = 1 + band;
        }
        WritableRaster raster = Raster.createWritableRaster(
                new PixelInterleavedSampleModel(DataBuffer.TYPE_BYTE, width, height, channels, rowBytes, bandOffsets),
                new DataBufferByte(rows, rows.length),
                null);
        ColorModel model = channels == 1 ? GREY_MODEL : channels == 3 ? RGB_MODEL : RGBA_MODEL;
        return new BufferedImage(model, raster, false, null);
    }

    /**
     * Undoes one row's filter, in place: each byte was stored as its difference from a prediction by
     * the byte one pixel to the left ({@code a}), the one above ({@code b}) and the one above that
     * ({@code c}), zero outside the image. False for an unknown filter type.
     */
    private static boolean unfilter(
            byte[] rows, byte filter, int row, int above, boolean hasAbove, int stride, int pixelBytes) {
        switch (filter) {
            case 0 -> {}
            case 1 -> { // Sub: a
                for (int i = pixelBytes; i < stride; i++) {
                    rows[row + i] += rows[row + i - pixelBytes];
                }
            }
            case 2 -> { // Up: b
                if (hasAbove) {
                    for (int i = 0; i < stride; i++) {
                        rows[row + i] += rows[above + i];
                    }
                }
            }
            case 3 -> { // Average: floor((a + b) / 2)
                for (int i = 0; i < stride; i++) {
                    int a = i >= pixelBytes ? rows[row + i - pixelBytes] & 0xff : 0;
                    int b = hasAbove ? rows[above + i] & 0xff : 0;
                    rows[row + i] += (byte) ((a + b) >>> 1);
                }
            }
            case 4 -> { // Paeth: whichever of a, b, c is closest to a + b - c
                for (int i = 0; i < stride; i++) {
                    int a = i >= pixelBytes ? rows[row + i - pixelBytes] & 0xff : 0;
                    int b = hasAbove ? rows[above + i] & 0xff : 0;
                    int c = hasAbove && i >= pixelBytes ? rows[above + i - pixelBytes] & 0xff : 0;
                    int pa = Math.abs(b - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + b - 2 * c);
                    rows[row + i] += (byte) (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The zlib stream's checksum of what it holds (RFC 1950), which ImageIO's reader checks too. */
    private static int adler32(byte[] rows) {
        Adler32 checksum = new Adler32();
        checksum.update(rows);
        return (int) checksum.getValue();
    }

    /** The big-endian int at {@code p}, as PNG and zlib store them. */
    private static int intAt(byte[] file, int p) {
        return (file[p] & 0xff) << 24 | (file[p + 1] & 0xff) << 16 | (file[p + 2] & 0xff) << 8 | (file[p + 3] & 0xff);
    }

    private static String typeAt(byte[] file, int p) {
        return new String(file, p + 4, 4, StandardCharsets.ISO_8859_1);
    }
}
