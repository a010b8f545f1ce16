package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, as hex. */
public final class Sha256 {
    private Sha256() {}

    /** Of the file's bytes as they are. */
    public static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = java.nio.file.Files.newInputStream(file);
                DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Of the file's uncompressed content: a gzipped file is hashed as what it expands to. */
    static String ofContent(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Unpacked.open(file);
                DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
