package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class InflateTest {
    /** Raw DEFLATE data of {@code data}, as zlib compresses it at {@code level} with {@code strategy}. */
    private static byte[] deflated(byte[] data, int level, int strategy) {
        Deflater deflater = new Deflater(level, true);
        deflater.setStrategy(strategy);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[data.length + data.length / 100 + 64];
        int length = 0;
        while (!deflater.finished()) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            }
            length += deflater.deflate(buffer, length, buffer.length - length);
        }
        deflater.end();
        return Arrays.copyOf(buffer, length);
    }

    private static byte[] inflated(byte[] stream, int size) throws DataFormatException {
        byte[] out = new byte[size];
        Inflate.into(out, stream, 0, stream.length);
        return out;
    }

    /** Contents that make every kind of block and match: noise, runs, rows repeated, text, and a mix. */
    private static List<byte[]> contents() {
        Random random = new Random(7);
        List<byte[]> contents = new ArrayList<>();
        for (int size : new int[] {0, 1, 2, 300, 70_000, 250_000}) {
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            contents.add(noise);
            byte[] canvas = new byte[size]; // rows of a white canvas with a few grey strokes
            for (int i = 0; i < size; i++) {
                int x = i % 401;
                canvas[i] = x == 0 ? 0 : (byte) (Math.abs(x - 200 - (i / 401) % 50) < 4 ? 40 + x % 7 : 255);
            }
            contents.add(canvas);
            byte[] text = new byte[size];
            for (int i = 0; i < size; i++) {
                text[i] =
                        (byte) "the quick brown fox jumps over the lazy dog 0123456789 ".charAt((i * 7 + i / 90) % 55);
            }
            contents.add(text);
            byte[] mixed = new byte[size]; // short repeats at distances below their lengths
            for (int i = 0; i < size; i++) {
                mixed[i] = i % 1000 < 500 ? (byte) (i % (3 + (i / 1000) % 5)) : (byte) random.nextInt(4);
            }
            contents.add(mixed);
        }
        return contents;
    }

    @Test
    void inflatesWhatZlibDeflates() throws DataFormatException {
        int streams = 0;
        for (byte[] data : contents()) {
            for (int level : new int[] {0, 1, 6, 9}) {
                for (int strategy : new int[] {Deflater.DEFAULT_STRATEGY, Deflater.FILTERED, Deflater.HUFFMAN_ONLY}) {
                    byte[] stream = deflated(data, level, strategy);
                    assertArrayEquals(data, inflated(stream, data.length), "level " + level + ", strategy " + strategy);
                    streams++;
                }
            }
        }
        assertEquals(6 * 4 * 4 * 3, streams);
    }

    @Test
    void refusesAStreamThatDoesNotFillTheBufferExactly() {
        byte[] data = contents().get(5); // the 300-byte canvas
        byte[] stream = deflated(data, 6, Deflater.DEFAULT_STRATEGY);
        assertThrows(DataFormatException.class, () -> inflated(stream, data.length + 1));
        assertThrows(DataFormatException.class, () -> inflated(stream, data.length - 1));
        for (int cut = 0; cut < stream.length; cut++) {
            byte[] truncated = Arrays.copyOf(stream, cut);
            assertThrows(DataFormatException.class, () -> inflated(truncated, data.length), "cut at " + cut);
        }
    }

    @Test
    void refusesAMatchReachingBeforeTheStart() {
        // One block of the fixed code: a match of length 3 at distance 1 before any byte, then the end.
        Bits stream =
                new Bits().add(1, 1).add(1, 2).code(0b0000001, 7).code(0, 5).code(0, 7);
        DataFormatException e = assertThrows(DataFormatException.class, () -> inflated(stream.bytes(), 3));
        assertTrue(e.getMessage().contains("before the start"), e.getMessage());
    }

    /** A bit stream as DEFLATE packs it: values from their lowest bit, Huffman codes from their highest. */
    private static final class Bits {
        private long bits;
        private int count;

        Bits add(int value, int n) {
            bits |= (long) value << count;
            count += n;
            return this;
        }

        Bits code(int code, int n) {
            return add(Integer.reverse(code) >>> (32 - n), n);
        }

        byte[] bytes() {
            byte[] bytes = new byte[(count + 7) / 8];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (bits >>> (8 * i));
            }
            return bytes;
        }
    }

    /** Whatever this accepts, zlib accepts too and reads alike: corrupted streams are never read as something else. */
    @Test
    void acceptsNoCorruptStreamThatZlibRefuses() {
        Random random = new Random(11);
        List<byte[]> contents = contents();
        int accepted = 0;
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] data = contents.get(4 + random.nextInt(8)); // the 300- and 70,000-byte contents
            byte[] stream = deflated(data, 1 + random.nextInt(9), Deflater.DEFAULT_STRATEGY);
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                stream[random.nextInt(stream.length)] ^= (byte) (1 << random.nextInt(8));
            }
            byte[] ours;
            try {
                ours = inflated(stream, data.length);
            } catch (DataFormatException e) {
                refused++;
                continue;
            }
            accepted++;
            Inflater zlib = new Inflater(true);
            zlib.setInput(stream);
            byte[] theirs = new byte[data.length + 1];
            int length;
            try {
                length = zlib.inflate(theirs);
            } catch (DataFormatException e) {
                throw new AssertionError("trial " + trial + ": zlib refuses what was accepted: " + e.getMessage());
            } finally {
                zlib.end();
            }
            assertEquals(data.length, length, "trial " + trial);
            assertArrayEquals(ours, Arrays.copyOf(theirs, length), "trial " + trial);
        }
        assertTrue(refused > 1000 && accepted > 0, accepted + " accepted, " + refused + " refused");
    }
}
