package dev.digits.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/** A PNG file as its chunks (PNG 5.3), to take files apart and put altered ones together in tests. */
record PngChunks(List<Chunk> chunks) {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    record Chunk(String type, byte[] data) {}

    static PngChunks of(byte[] file) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(file, SIGNATURE.length, file.length - SIGNATURE.length);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC
            chunks.add(new Chunk(new String(type, StandardCharsets.US_ASCII), data));
        }
        return new PngChunks(chunks);
    }

    /** A header chunk for an 8-bit picture of {@code colourType}, not interlaced. */
    static Chunk header(int width, int height, int colourType) {
        return new Chunk(
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) colourType)
                        .put(new byte[3])
                        .array());
    }

    byte[] file() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (Chunk chunk : chunks) {
            byte[] type = chunk.type().getBytes(StandardCharsets.US_ASCII);
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(chunk.data());
            out.writeBytes(ByteBuffer.allocate(4).putInt(chunk.data().length).array());
            out.writeBytes(type);
            out.writeBytes(chunk.data());
            out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }

    /** The chunks with {@code chunk} put before the one at {@code index}. */
    PngChunks inserted(int index, Chunk chunk) {
        List<Chunk> changed = new ArrayList<>(chunks);
        changed.add(index, chunk);
        return new PngChunks(changed);
    }

    /** The image data (the IDAT chunks' data, joined) cut into chunks of {@code size} bytes. */
    PngChunks dataInPiecesOf(int size) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        chunks.stream().filter(c -> c.type().equals("IDAT")).forEach(c -> data.writeBytes(c.data()));
        byte[] all = data.toByteArray();
        List<Chunk> changed = new ArrayList<>();
        for (Chunk chunk : chunks) {
            if (chunk.type().equals("IEND")) {
                for (int from = 0; from < all.length; from += size) {
                    changed.add(new Chunk("IDAT", Arrays.copyOfRange(all, from, Math.min(all.length, from + size))));
                }
            }
            if (!chunk.type().equals("IDAT")) {
                changed.add(chunk);
            }
        }
        return new PngChunks(changed);
    }
}
