package dev.digits.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * Decompresses raw DEFLATE data (RFC 1951) into a buffer that it must fill exactly: the pixel rows of
 * a PNG ({@link PngReader}). A picture drawn on a plain canvas compresses to long runs of one byte and
 * copies of the row above; here a run is one array copy, where zlib ({@link java.util.zip.Inflater})
 * copies byte by byte, which makes inflating such a picture several times faster.
 *
 * <p>Stricter than needed rather than laxer: every malformed stream zlib rejects is rejected here too
 * (invalid or over-subscribed codes, distances before the start, too many lengths), and so is a stream
 * that ends before the buffer is full or would overfill it.
 */
final class Inflate {
    /** Codes up to this many bits are found with one table lookup; longer ones, which are rare, by their length. */
    private static final int FAST_BITS = 9;

    private static final int MAX_BITS = 15;
    private static final int END_OF_BLOCK = 256;
    private static final int[] LENGTH_BASE = {
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227,
        258
    };
    private static final int[] LENGTH_EXTRA = {
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0
    };
    private static final int[] DISTANCE_BASE = {
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
        6145, 8193, 12289, 16385, 24577
    };
    private static final int[] DISTANCE_EXTRA = {
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13
    };
    /** The order in which a dynamic block lists the lengths of its code-length code. */
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private static final int LONGEST_MATCH = 258;
    /** Every run a match of distance 1 can write: the 258 copies of each byte value, one after another. */
    private static final byte[] RUNS = new byte[256 * LONGEST_MATCH];

    private static final Code FIXED_LITERALS;
    private static final Code FIXED_DISTANCES;

    static {
        for (int value = 0; value < 256; value++) {
            Arrays.fill(RUNS, value * LONGEST_MATCH, (value + 1) * LONGEST_MATCH, (byte) value);
        }
        byte[] literals = new byte[288];
        Arrays.fill(literals, 0, 144, (byte) 8);
        Arrays.fill(literals, 144, 256, (byte) 9);
        Arrays.fill(literals, 256, 280, (byte) 7);
        Arrays.fill(literals, 280, 288, (byte) 8);
        byte[] distances = new byte[30];
        Arrays.fill(distances, (byte) 5);
        try {
            FIXED_LITERALS = new Code(literals, literals.length);
            FIXED_DISTANCES = new Code(distances, distances.length);
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    private static final VarHandle LITTLE_ENDIAN_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] in;
    private final int end;
    /** The next input byte not yet in {@link #bits}; past {@link #end} where zeros were taken in. */
    private int position;
    /** Input bits not yet used, the next one lowest; {@link #count} of them are valid. */
    private long bits;

    private int count;

    private Inflate(byte[] in, int from, int to) {
        this.in = in;
        this.position = from;
        this.end = to;
    }

    /**
     * Decompresses the raw DEFLATE stream in {@code in[from, to)} into {@code out}, which it must fill
     * exactly; bytes after the stream's last block are not looked at.
     *
     * @return where the stream ends: the index after its last byte
     * @throws DataFormatException if the stream is malformed, or does not fill {@code out} exactly
     */
    static int into(byte[] out, byte[] in, int from, int to) throws DataFormatException {
        return new Inflate(in, from, to).inflate(out);
    }

    private int inflate(byte[] out) throws DataFormatException {
        int written = 0;
        boolean last;
        do {
            last = take(1) == 1;
            int type = take(2);
            written = switch (type) {
                case 0 -> stored(out, written);
                case 1 -> compressed(out, written, FIXED_LITERALS, FIXED_DISTANCES);
                case 2 -> dynamic(out, written);
                default -> throw new DataFormatException("invalid block type 3");
            };
        } while (!last);
        if (written != out.length) {
            throw new DataFormatException("the stream ends after " + written + " of " + out.length + " bytes");
        }
        int used = position - count / 8; // a byte partly used is used
        if (used > end) {
            throw new DataFormatException("the stream is truncated");
        }
        return used;
    }

    /** Fills {@link #bits} up to at least 56 valid bits, with zeros beyond the input's end. */
    private void refill() {
        if (position + Long.BYTES <= end) {
            // Whole bytes only: the bits above count come from bytes taken again, unchanged, next time.
            bits |= (long) LITTLE_ENDIAN_LONGS.get(in, position) << count;
            position += (63 - count) >>> 3;
            count |= 56;
            return;
        }
        while (count <= 56) {
            if (position < end) {
                bits |= (long) (in[position] & 0xff) << count;
            }
            position++;
            count += 8;
        }
    }

    private int take(int n) {
        if (count < n) {
            refill();
        }
        int value = (int) (bits & ((1L << n) - 1));
        bits >>>= n;
        count -= n;
        return value;
    }

    private int stored(byte[] out, int written) throws DataFormatException {
        // The block's data starts at the next whole byte: drop the rest of this one, then read bytewise.
        bits >>>= count & 7;
        count -= count & 7;
        int length = take(16);
        if ((length ^ 0xffff) != take(16)) {
            throw new DataFormatException("a stored block's length and its complement disagree");
        }
        if (written + length > out.length) {
            throw new DataFormatException("the stream holds more than " + out.length + " bytes");
        }
        for (; length > 0 && count > 0; length--) { // whole bytes already taken in
            out[written++] = (byte) take(8);
        }
        if (length == 0) {
            return written;
        }
        if (position + length > end) {
            throw new DataFormatException("the stream is truncated");
        }
        System.arraycopy(in, position, out, written, length);
        position += length;
        bits = 0; // what lay above the used bits came from the bytes just copied
        return written + length;
    }

    private int dynamic(byte[] out, int written) throws DataFormatException {
        int literalCount = take(5) + 257;
        int distanceCount = take(5) + 1;
        int lengthCodeCount = take(4) + 4;
        if (literalCount > 286 || distanceCount > 30) {
            throw new DataFormatException("too many length or distance codes");
        }
        byte[] lengthCodeLengths = new byte[19];
        for (int i = 0; i < lengthCodeCount; i++) {
            lengthCodeLengths[CODE_LENGTH_ORDER[i]] = (byte) take(3);
        }
        Code lengthCode = new Code(lengthCodeLengths, lengthCodeLengths.length);
        if (!lengthCode.complete) {
            throw new DataFormatException("incomplete code-length code");
        }
        byte[] lengths = new byte[literalCount + distanceCount];
        for (int i = 0; i < lengths.length; ) {
            int symbol = decode(lengthCode);
            if (symbol < 16) {
                lengths[i++] = (byte) symbol;
                continue;
            }
            byte repeated = 0;
            int times;
            if (symbol == 16) {
                if (i == 0) {
                    throw new DataFormatException("a length repeated before any length");
                }
                repeated = lengths[i - 1];
                times = 3 + take(2);
            } else if (symbol == 17) {
                times = 3 + take(3);
            } else {
                times = 11 + take(7);
            }
            if (i + times > lengths.length) {
                throw new DataFormatException("too many code lengths");
            }
            Arrays.fill(lengths, i, i + times, repeated);
            i += times;
        }
        if (lengths[END_OF_BLOCK] == 0) {
            throw new DataFormatException("no code for the end of the block");
        }
        Code literals = new Code(lengths, literalCount);
        Code distances = new Code(Arrays.copyOfRange(lengths, literalCount, lengths.length), distanceCount);
        if (!literals.complete || !distances.completeOrSingle()) {
            throw new DataFormatException("incomplete literal or distance code");
        }
        return compressed(out, written, literals, distances);
    }

    /** One symbol of {@code code}, the bits it took used up. */
    private int decode(Code code) throws DataFormatException {
        if (count < MAX_BITS) {
            refill();
        }
        int entry = code.lookup(bits);
        bits >>>= entry & 15;
        count -= entry & 15;
        return entry >>> 4;
    }

    /** Literals and matches up to the end of the block; returns how many bytes are written in all. */
    private int compressed(byte[] out, int written, Code literals, Code distances) throws DataFormatException {
        int o = written;
        while (true) {
            if (count < 48) { // the most one literal or match takes: 15 + 5 + 15 + 13 bits
                refill();
            }
            int symbol = decode(literals);
            if (symbol < 256) {
                if (o == out.length) {
                    throw new DataFormatException("the stream holds more than " + out.length + " bytes");
                }
                out[o++] = (byte) symbol;
                continue;
            }
            if (symbol == END_OF_BLOCK) {
                return o;
            }
            int lengthCode = symbol - 257;
            if (lengthCode >= LENGTH_BASE.length) {
                throw new DataFormatException("invalid length code " + symbol);
            }
            int length = LENGTH_BASE[lengthCode] + takeLoaded(LENGTH_EXTRA[lengthCode]);
            int distanceCode = decode(distances);
            if (distanceCode >= DISTANCE_BASE.length) {
                throw new DataFormatException("invalid distance code " + distanceCode);
            }
            int distance = DISTANCE_BASE[distanceCode] + takeLoaded(DISTANCE_EXTRA[distanceCode]);
            if (distance > o) {
                throw new DataFormatException("a match reaches back before the start");
            }
            if (length > out.length - o) {
                throw new DataFormatException("the stream holds more than " + out.length + " bytes");
            }
            if (distance == 1) {
                System.arraycopy(RUNS, (out[o - 1] & 0xff) * LONGEST_MATCH, out, o, length);
            } else if (distance >= length) {
                System.arraycopy(out, o - distance, out, o, length);
            } else {
                // Overlapping: the match repeats its last `distance` bytes. Copied a whole number of
                // those at a time, each copy's source lies before its destination, and the copies
                // double in length.
                for (int done = 0; done < length; ) {
                    int chunk = Math.min(length - done, distance + done);
                    System.arraycopy(out, o - distance, out, o + done, chunk);
                    done += chunk;
                }
            }
            o += length;
        }
    }

    /** {@code n} bits known to be in {@link #bits} already. */
    private int takeLoaded(int n) {
        int value = (int) (bits & ((1L << n) - 1));
        bits >>>= n;
        count -= n;
        return value;
    }

    /** A canonical Huffman code (RFC 1951, 3.2.2), read least significant bit first. */
    private static final class Code {
        /** By the next {@link #FAST_BITS} input bits: symbol << 4 | its length, or 0 for a longer code. */
        private final int[] fast = new int[1 << FAST_BITS];
        /** How many codes have each length. */
        private final int[] counts = new int[MAX_BITS + 1];
        /** The first code of each length, most significant bit first. */
        private final int[] firstCodes = new int[MAX_BITS + 1];
        /** Where in {@link #symbols} the symbols of each length start. */
        private final int[] offsets = new int[MAX_BITS + 1];
        /** The symbols in code order: by length, then by value. */
        private final int[] symbols;

        final boolean complete;
        private final boolean single;
        private final boolean empty;

        Code(byte[] lengths, int n) throws DataFormatException {
            symbols = new int[n];
            for (int s = 0; s < n; s++) {
                counts[lengths[s]]++;
            }
            counts[0] = 0;
            int left = 1; // codes of the current length still free
            for (int length = 1; length <= MAX_BITS; length++) {
                left = 2 * left - counts[length];
                if (left < 0) {
                    throw new DataFormatException("over-subscribed code");
                }
            }
            complete = left == 0;
            int used = 0;
            for (int length = 1; length <= MAX_BITS; length++) {
                used += counts[length];
            }
            single = used == 1 && counts[1] == 1;
            empty = used == 0;
            int code = 0;
            for (int length = 1; length <= MAX_BITS; length++) {
                code = (code + counts[length - 1]) << 1;
                firstCodes[length] = code;
                offsets[length] = length == 1 ? 0 : offsets[length - 1] + counts[length - 1];
            }
            int[] next = Arrays.copyOf(offsets, offsets.length);
            for (int s = 0; s < n; s++) {
                int length = lengths[s];
                if (length == 0) {
                    continue;
                }
                int index = next[length]++;
                symbols[index] = s;
                if (length <= FAST_BITS) {
                    int reversed = Integer.reverse(firstCodes[length] + index - offsets[length]) >>> (32 - length);
                    for (int i = reversed; i < fast.length; i += 1 << length) {
                        fast[i] = s << 4 | length;
                    }
                }
            }
        }

        /** A complete code, one of a single symbol (of one bit), or none: what a distance code may be. */
        boolean completeOrSingle() {
            return complete || single || empty;
        }

        /**
         * The symbol the next bits of {@code bits} (at least {@link #MAX_BITS} of them, zeros past the
         * input's end) start with, as symbol << 4 | its length.
         */
        int lookup(long bits) throws DataFormatException {
            int entry = fast[(int) bits & ((1 << FAST_BITS) - 1)];
            if (entry != 0) {
                return entry;
            }
            int next = Integer.reverse((int) bits) >>> (32 - MAX_BITS); // the next 15 bits, first one highest
            for (int length = FAST_BITS + 1; length <= MAX_BITS; length++) {
                int index = (next >>> (MAX_BITS - length)) - firstCodes[length];
                if (index < counts[length]) {
                    return symbols[offsets[length] + index] << 4 | length;
                }
            }
            throw new DataFormatException("invalid Huffman code");
        }
    }
}
