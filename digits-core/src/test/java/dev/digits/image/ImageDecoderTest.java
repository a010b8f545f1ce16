package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    private static BufferedImage picture() {
        return Drawings.blackOnWhite(64, 48, 6, g -> Drawings.one(g, 30, 8, 30));
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(rgb, format, out), "no writer for " + format);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp", "tiff"})
    void decodesTheCommonFormats(String format) throws IOException {
        BufferedImage decoded = decoder.decode(encode(picture(), format), "x." + format);
        assertEquals(64, decoded.getWidth());
        assertEquals(48, decoded.getHeight());
        assertTrue(new Preprocessor().digit(decoded).isPresent());
    }

    @Test
    void hasAWebpReader() {
        // No WebP encoder ships with Java; the plugin being registered is what the decoder relies on.
        assertTrue(ImageIO.getImageReadersByFormatName("webp").hasNext());
    }

    @Test
    void turnsJpegPhotosUprightAsTheirExifOrientationSays() throws IOException {
        // Stored landscape with a dark block in the top-left corner; orientation 6 means the camera was
        // held in portrait: shown upright, the picture is 48 wide and the block is in the top-right.
        BufferedImage stored = Drawings.blackOnWhite(64, 48, 1, g -> g.fillRect(0, 0, 16, 16));
        byte[] jpeg = withExifOrientation(encode(stored, "jpeg"), 6);
        BufferedImage upright = decoder.decode(jpeg, "portrait.jpg");
        assertEquals(48, upright.getWidth());
        assertEquals(64, upright.getHeight());
        assertTrue((upright.getRGB(40, 8) & 0xff) < 60, "top-right should be dark");
        assertTrue((upright.getRGB(8, 8) & 0xff) > 200, "top-left should be light");
        assertEquals(
                64,
                decoder.decode(withExifOrientation(encode(stored, "jpeg"), 1), "upright.jpg")
                        .getWidth());
    }

    /** The JPEG with an APP1 EXIF segment holding only the orientation tag, right after its SOI marker. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26); // big-endian: "MM", 42, IFD at 8, one entry, no next IFD
        tiff.put((byte) 'M')
                .put((byte) 'M')
                .putShort((short) 42)
                .putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0);
        byte[] exifHeader = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exifHeader.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2); // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(exifHeader);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void decodesFiles(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("seven.png");
        Files.write(file, encode(picture(), "png"));
        assertEquals(64, decoder.decode(file).getWidth());
    }

    @Test
    void refusesADecompressionBombFromItsHeaderAlone() {
        // A valid PNG header declaring 100,000 x 100,000 pixels, with no pixel data at all:
        // decoding would try to allocate 10 GB, so only the header may be read.
        byte[] bomb = pngHeader(100_000, 100_000);
        DigitsException e = assertThrows(DigitsException.class, () -> decoder.decode(bomb, "bomb.png"));
        assertTrue(e.getMessage().contains("100000x100000"), e.getMessage());
        assertTrue(e.getMessage().contains("bomb.png"), e.getMessage());
    }

    @Test
    void theLimitIsConfigurable() throws IOException {
        byte[] png = encode(picture(), "png");
        assertThrows(DigitsException.class, () -> new ImageDecoder(64 * 48 - 1).decode(png, "x.png"));
        assertEquals(48, new ImageDecoder(64 * 48).decode(png, "x.png").getHeight());
    }

    @Test
    void refusesBytesThatAreNoImage() {
        byte[] text = "hello, this is not a picture".getBytes(StandardCharsets.UTF_8);
        DigitsException e = assertThrows(DigitsException.class, () -> decoder.decode(text, "notes.txt"));
        assertTrue(e.getMessage().startsWith("notes.txt: not an image"), e.getMessage());
    }

    @Test
    void refusesATruncatedImage() throws IOException {
        byte[] png = encode(picture(), "png");
        byte[] truncated = Arrays.copyOf(png, png.length / 2);
        DigitsException e = assertThrows(DigitsException.class, () -> decoder.decode(truncated, "cut.png"));
        assertTrue(e.getMessage().startsWith("cut.png: "), e.getMessage());
    }

    @Test
    void refusesEmptyInputAndMissingFiles(@TempDir Path dir) {
        assertThrows(DigitsException.class, () -> decoder.decode(new byte[0], "empty.png"));
        DigitsException e = assertThrows(DigitsException.class, () -> decoder.decode(dir.resolve("none.png")));
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    private static byte[] pngHeader(int width, int height) {
        return new PngChunks(List.of(PngChunks.header(width, height, 0), new PngChunks.Chunk("IEND", new byte[0])))
                .file();
    }
}
