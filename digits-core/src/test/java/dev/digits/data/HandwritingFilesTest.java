package dev.digits.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real handwriting files: the official source first, the local directory as the fallback, SHA-256 checked. */
class HandwritingFilesTest {
    private static final byte[] CONTENT = "1 -1 -1\n".getBytes(StandardCharsets.US_ASCII);

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A set whose official source cannot answer (a closed port on this machine). */
    private static HandwritingFiles set(String sha256, Path localRoot) {
        DataFile file = new DataFile("zip.train", sha256);
        return new HandwritingFiles(
                "usps", List.of(file), Map.of(file.name(), URI.create("http://127.0.0.1:9/zip.train.gz")), localRoot);
    }

    @Test
    void fallsBackToTheLocalDirectoryAndVerifiesTheUnpackedContent(@TempDir Path cacheDir, @TempDir Path local)
            throws Exception {
        Files.createDirectories(local.resolve("usps"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(local.resolve("usps/zip.train.gz")))) {
            out.write(CONTENT);
        }
        HandwritingFiles files = set(sha256(CONTENT), local);
        Path cached = new DataCache(cacheDir).ensure(files).get(files.files().get(0));
        assertEquals(cacheDir.resolve("usps/zip.train"), cached);
        assertEquals(new String(CONTENT, StandardCharsets.US_ASCII), Files.readString(cached));
    }

    @Test
    void aLocalFileWithTheWrongContentIsRefusedWithBothFailuresNamed(@TempDir Path cacheDir, @TempDir Path local)
            throws IOException {
        Files.createDirectories(local.resolve("usps"));
        Files.write(local.resolve("usps/zip.train"), "tampered".getBytes(StandardCharsets.US_ASCII));
        HandwritingFiles files = set("0".repeat(64), local);
        DigitsException e = assertThrows(DigitsException.class, () -> new DataCache(cacheDir).ensure(files));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertTrue(e.getMessage().contains("has SHA-256"), e.getMessage());
    }

    @Test
    void theOfficialSetsNameTheirPublishersAndUnpackCompressedDownloads() {
        assertTrue(HandwritingFiles.pendigits(null).urls().values().stream()
                .allMatch(u -> u.getHost().equals("archive.ics.uci.edu")));
        assertEquals(3, HandwritingFiles.optdigits(null).files().size());
        assertTrue(HandwritingFiles.usps(null).urls().get("zip.train").getPath().endsWith(".gz"));
    }
}
