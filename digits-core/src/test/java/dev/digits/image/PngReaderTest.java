package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PngReaderTest {
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /** Strokes over noise and a gradient, in {@code type}, so that the PNG writer uses every filter. */
    private static BufferedImage picture(int width, int height, int type, long seed) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int level = (x * 255 / width + y * 3 + random.nextInt(40)) & 0xff;
                int alpha = type == BufferedImage.TYPE_4BYTE_ABGR ? 255 - (y * 255 / height) / 2 : 255;
                image.setRGB(x, y, alpha << 24 | level << 16 | (255 - level) << 8 | (level * 7 & 0xff));
            }
        }
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 30, 200));
        g.setStroke(new BasicStroke(Math.max(1, width / 12f)));
        g.drawLine(width / 4, height / 5, width * 3 / 4, height * 4 / 5);
        g.fillRect(0, height / 2, width, Math.max(1, height / 10)); // a plain band: long runs
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image, boolean interlaced) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(interlaced ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static void assertSameImage(BufferedImage expected, BufferedImage actual, String what) {
        assertEquals(expected.getColorModel(), actual.getColorModel(), what + ": colour model");
        if (expected.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, actual.getType(), what + ": image type");
        }
        assertEquals(expected.getWidth(), actual.getWidth(), what);
        assertEquals(expected.getHeight(), actual.getHeight(), what);
        int width = expected.getWidth();
        int height = expected.getHeight();
        // Every sample of every pixel, band by band, wherever each raster keeps them.
        assertArrayEquals(
                (byte[]) expected.getRaster().getDataElements(0, 0, width, height, null),
                (byte[]) actual.getRaster().getDataElements(0, 0, width, height, null),
                what + ": pixels");
        assertArrayEquals(
                expected.getRGB(0, 0, width, height, null, 0, width),
                actual.getRGB(0, 0, width, height, null, 0, width),
                what + ": colours");
    }

    private static BufferedImage imageIo(byte[] file) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(file));
    }

    /**
     * A PNG of {@code image} (8 bits, {@code channels} samples per pixel: grey, RGB or RGBA) whose row
     * {@code y} is filtered with filter type {@code y % 5}, written here since ImageIO's writer uses only
     * type 0. The predictors follow PNG 9.2 as the standard words them.
     */
    private static byte[] pngWithEveryFilter(BufferedImage image, int channels) {
        int width = image.getWidth();
        int height = image.getHeight();
        int stride = width * channels;
        byte[] raw = new byte[height * stride];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int[] samples = channels == 1
                        ? new int[] {argb & 0xff}
                        : new int[] {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff, argb >>> 24};
                for (int c = 0; c < channels; c++) {
                    raw[y * stride + x * channels + c] = (byte) samples[c];
                }
            }
        }
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            int filter = y % 5;
            rows.write(filter);
            for (int i = 0; i < stride; i++) {
                int a = i >= channels ? raw[y * stride + i - channels] & 0xff : 0;
                int b = y > 0 ? raw[(y - 1) * stride + i] & 0xff : 0;
                int c = y > 0 && i >= channels ? raw[(y - 1) * stride + i - channels] & 0xff : 0;
                int p = a + b - c;
                int paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                        ? a
                        : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
                int predicted = new int[] {0, a, b, (a + b) / 2, paeth}[filter];
                rows.write((raw[y * stride + i] - predicted) & 0xff);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(rows.toByteArray());
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            data.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        int colourType = channels == 1 ? 0 : channels == 3 ? 2 : 6;
        return new PngChunks(List.of(
                        PngChunks.header(width, height, colourType),
                        new PngChunks.Chunk("IDAT", data.toByteArray()),
                        new PngChunks.Chunk("IEND", new byte[0])))
                .file();
    }

    @Test
    void readsGreyRgbAndRgbaPicturesAsImageIoDoes() throws IOException {
        int[][] kinds = {
            {BufferedImage.TYPE_BYTE_GRAY, 1}, {BufferedImage.TYPE_3BYTE_BGR, 3}, {BufferedImage.TYPE_4BYTE_ABGR, 4}
        };
        for (int[] kind : kinds) {
            for (int[] size : new int[][] {{1, 1}, {3, 2}, {64, 48}, {201, 150}}) {
                BufferedImage picture = picture(size[0], size[1], kind[0], size[0]);
                for (boolean everyFilter : new boolean[] {false, true}) {
                    byte[] file = everyFilter ? pngWithEveryFilter(picture, kind[1]) : png(picture, false);
                    String what =
                            "type " + kind[0] + ", " + size[0] + "x" + size[1] + (everyFilter ? ", every filter" : "");
                    BufferedImage read = PngReader.read(file, NO_LIMIT);
                    assertNotNull(read, what);
                    assertSameImage(imageIo(file), read, what);
                }
            }
        }
    }

    @Test
    void readsDataSplitOverManyChunks() throws IOException {
        byte[] file = png(picture(64, 48, BufferedImage.TYPE_3BYTE_BGR, 1), false);
        byte[] split = PngChunks.of(file).dataInPiecesOf(100).file();
        assertTrue(PngChunks.of(split).chunks().size() > 10);
        assertSameImage(imageIo(file), PngReader.read(split, NO_LIMIT), "data in chunks of 100 bytes");
    }

    @Test
    void leavesOtherPngsToImageIo() throws IOException {
        byte[] rgb = png(picture(64, 48, BufferedImage.TYPE_3BYTE_BGR, 2), false);
        PngChunks chunks = PngChunks.of(rgb);
        byte[] transparentColour =
                chunks.inserted(1, new PngChunks.Chunk("tRNS", new byte[6])).file();
        byte[] separatedData = chunks.dataInPiecesOf(100)
                .inserted(3, new PngChunks.Chunk("tEXt", "Comment\0between".getBytes()))
                .file();
        List<byte[]> others = List.of(
                png(picture(64, 48, BufferedImage.TYPE_BYTE_GRAY, 3), true),
                png(new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY), false),
                png(new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_INDEXED), false),
                transparentColour,
                separatedData);
        ImageDecoder decoder = new ImageDecoder();
        for (int i = 0; i < others.size(); i++) {
            byte[] file = others.get(i);
            String what = "file " + i;
            assertNull(PngReader.read(file, NO_LIMIT), what);
            if (file == separatedData) { // ImageIO's reader refuses it, and the decoder says so
                assertThrows(IOException.class, () -> imageIo(file));
                assertThrows(DigitsException.class, () -> decoder.decode(file, what));
                continue;
            }
            BufferedImage expected = imageIo(file);
            BufferedImage decoded = decoder.decode(file, what);
            assertEquals(expected.getType(), decoded.getType(), what);
            assertEquals(expected.getRGB(20, 20), decoded.getRGB(20, 20), what);
        }
        assertNull(PngReader.read(rgb, 64 * 48 - 1), "more pixels than the limit: ImageIO's path says so");
    }

    /**
     * A damaged file (bits changed anywhere: header, chunk lengths and types, checksums, data; or cut
     * short) is either left to ImageIO or read exactly as ImageIO reads it; nothing throws.
     */
    @Test
    void readsDamagedFilesAsImageIoDoesOrNotAtAll() throws IOException {
        byte[] file = png(picture(64, 48, BufferedImage.TYPE_BYTE_GRAY, 4), false);
        Random random = new Random(5);
        int refused = 0;
        int read = 0;
        for (int trial = 0; trial < 2000; trial++) {
            byte[] damaged = file.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                int at = trial % 2 == 0 ? random.nextInt(100) : random.nextInt(damaged.length); // often the header
                damaged[at] ^= (byte) (1 << random.nextInt(8));
            }
            if (trial % 10 == 0) {
                damaged = java.util.Arrays.copyOf(damaged, random.nextInt(damaged.length));
            }
            BufferedImage image = PngReader.read(damaged, NO_LIMIT);
            if (image == null) {
                refused++;
            } else {
                read++;
                assertSameImage(imageIo(damaged), image, "trial " + trial); // throws where ImageIO refuses
            }
        }
        assertTrue(refused > 1000 && read > 0, read + " read, " + refused + " refused");
    }

    @Test
    void readsRealPicturesAsImageIoDoes() throws IOException {
        Path data = Path.of("../shared/data");
        Assumptions.assumeTrue(Files.isDirectory(data), "../shared/data is absent: real PNGs not compared");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(data)) {
            files = walk.filter(p -> p.toString().endsWith(".png")).toList();
        }
        Assumptions.assumeFalse(files.isEmpty(), "no PNG under ../shared/data");
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            BufferedImage read = PngReader.read(bytes, NO_LIMIT);
            assertNotNull(read, file.toString());
            assertSameImage(imageIo(bytes), read, file.toString());
        }
    }
}
