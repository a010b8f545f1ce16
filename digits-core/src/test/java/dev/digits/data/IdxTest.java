package dev.digits.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    static byte[] idx(int magic, int[] dims, int valueCount) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        for (int i = 0; i < valueCount; i++) {
            out.writeByte(i % 251);
        }
        return bytes.toByteArray();
    }

    static byte[] images(int count) throws IOException {
        return idx(0x0803, new int[] {count, 28, 28}, count * 784);
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path writeGzip(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsRawImages() throws IOException {
        Idx.Contents contents = Idx.read(write("images", images(3)), 3);
        assertArrayEquals(new int[] {3, 28, 28}, contents.dimensions());
        assertEquals(3 * 784, contents.values().length);
        assertEquals((byte) 100, contents.values()[100]);
    }

    @Test
    void readsGzippedFilesWhateverTheirName() throws IOException {
        byte[] raw = images(2);
        Idx.Contents gz = Idx.read(writeGzip("no-extension", raw), 3);
        assertArrayEquals(Arrays.copyOfRange(raw, 16, raw.length), gz.values());
    }

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        Path file = write("t10k-labels-idx1-ubyte", images(1));
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 1));
        assertTrue(
                e.getMessage().startsWith("t10k-labels-idx1-ubyte: not an IDX file of 1-dimensional"), e.getMessage());
        assertTrue(e.getMessage().contains("0x00000803") && e.getMessage().contains("0x00000801"), e.getMessage());
    }

    @Test
    void rejectsNonByteType() throws IOException {
        Path file = write("floats", idx(0x0D03, new int[] {1, 28, 28}, 784));
        assertThrows(DigitsException.class, () -> Idx.read(file, 3));
    }

    @Test
    void reportsTruncatedFileWithExpectedAndActualSize() throws IOException {
        byte[] full = images(10);
        Path file = write("t10k-images-idx3-ubyte", Arrays.copyOf(full, 1024));
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 3));
        assertEquals(
                "t10k-images-idx3-ubyte: expected 7,856 bytes for dimensions [10, 28, 28], found 1,024; "
                        + "delete it to download again",
                e.getMessage());
    }

    @Test
    void reportsTruncatedGzippedFile() throws IOException {
        byte[] full = images(10);
        Path file = writeGzip("train.gz", Arrays.copyOf(full, 5000));
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 3));
        assertTrue(
                e.getMessage().contains("expected 7,856 bytes (uncompressed)")
                        && e.getMessage().contains("found 5,000"),
                e.getMessage());
    }

    @Test
    void reportsHeaderCutShort() throws IOException {
        Path file = write("short", new byte[] {0, 0, 8, 3, 0, 0});
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] full = images(1);
        Path file = writeGzip("extra", Arrays.copyOf(full, full.length + 7));
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("bytes after"), e.getMessage());
    }

    @Test
    void rejectsZeroDimension() throws IOException {
        Path file = write("zero", idx(0x0803, new int[] {0, 28, 28}, 0));
        DigitsException e = assertThrows(DigitsException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("dimension 0 is 0"), e.getMessage());
    }

    @Test
    void rejectsUndecodableGzip() throws IOException {
        Path file = write("broken.gz", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThrows(DigitsException.class, () -> Idx.read(file, 3));
    }

    @Test
    void mnistReaderChecksImagesAndLabelsAgree() throws IOException {
        Path images = write("images", images(3));
        Path labels = write("labels", idx(0x0801, new int[] {2}, 2));
        DigitsException e = assertThrows(DigitsException.class, () -> Mnist.read(images, labels));
        assertEquals("images has 3 images but labels has 2 labels", e.getMessage());
    }

    @Test
    void mnistReaderRejectsLabelsOutOfRange() throws IOException {
        Path images = write("images", images(1));
        Path labels = write("labels", new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 12});
        DigitsException e = assertThrows(DigitsException.class, () -> Mnist.read(images, labels));
        assertEquals("labels: label 0 is 12, expected 0..9", e.getMessage());
    }
}
