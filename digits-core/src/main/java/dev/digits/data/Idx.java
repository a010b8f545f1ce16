package dev.digits.data;

import dev.digits.DigitsException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format MNIST ships in: two zero bytes, a type code (0x08: unsigned bytes),
 * the number of dimensions, each dimension as a big-endian int, then the values. Gzipped files are
 * recognised by their magic bytes, whatever their name.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** The dimensions and values of one IDX file. */
    public record Contents(int[] dimensions, byte[] values) {
        public int count() {
            return dimensions[0];
        }
    }

    private Idx() {}

    /** Reads a file that must have {@code expectedRank} dimensions of unsigned bytes. */
    public static Contents read(Path file, int expectedRank) {
        String name = file.getFileName().toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzipped = isGzip(raw);
            long fileSize = Files.size(file);
            try (DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
                return read(in, name, expectedRank, gzipped ? -1 : fileSize);
            }
        } catch (EOFException e) {
            throw new DigitsException(name + ": file ends inside its header; " + "the file is truncated. Delete " + file
                    + " to download it again.");
        } catch (java.util.zip.ZipException e) {
            throw new DigitsException(name + ": looks gzipped but cannot be decompressed (" + e.getMessage()
                    + "). Delete " + file + " to download it again.");
        } catch (IOException e) {
            throw new DigitsException(name + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Contents read(DataInputStream in, String name, int expectedRank, long fileSize) throws IOException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int rank = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank != expectedRank) {
            throw new DigitsException(String.format(
                    "%s: not an IDX file of %d-dimensional unsigned bytes (magic number 0x%08X, expected 0x%08X)",
                    name, expectedRank, magic, (UNSIGNED_BYTE << 8) | expectedRank));
        }
        int[] dimensions = new int[rank];
        long valueCount = 1;
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] <= 0) {
                throw new DigitsException(
                        name + ": dimension " + i + " is " + dimensions[i] + "; every dimension must be positive");
            }
            valueCount *= dimensions[i];
        }
        long expectedSize = 4L + 4L * rank + valueCount;
        if (valueCount > Integer.MAX_VALUE - 16) {
            throw new DigitsException(name + ": dimensions " + Arrays.toString(dimensions) + " describe " + valueCount
                    + " values, more than this reader supports");
        }
        if (fileSize >= 0 && fileSize != expectedSize) {
            throw new DigitsException(String.format(
                    "%s: expected %,d bytes for dimensions %s, found %,d; delete it to download again",
                    name, expectedSize, Arrays.toString(dimensions), fileSize));
        }
        byte[] values = new byte[(int) valueCount];
        int read = in.readNBytes(values, 0, values.length);
        if (read != values.length) {
            throw new DigitsException(String.format(
                    "%s: expected %,d bytes (uncompressed) for dimensions %s, found %,d; delete it to download again",
                    name, expectedSize, Arrays.toString(dimensions), 4L + 4L * rank + read));
        }
        if (in.read() != -1) {
            throw new DigitsException(String.format(
                    "%s: has bytes after the %,d values its header announces; delete it to download again",
                    name, valueCount));
        }
        return new Contents(dimensions, values);
    }

    private static boolean isGzip(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }
}
