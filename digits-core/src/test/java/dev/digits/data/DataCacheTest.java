package dev.digits.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.digits.DigitsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCacheTest {
    @TempDir
    Path dir;

    private static final Map<String, byte[]> CONTENT = Map.of(
            "train-images",
            bytes("train images"),
            "train-labels",
            bytes("train labels"),
            "test-images",
            bytes("test images"),
            "test-labels",
            bytes("test labels"));

    private static final DatasetSpec TINY = new DatasetSpec(
            "tiny",
            file("train-images"),
            file("train-labels"),
            file("test-images"),
            file("test-labels"),
            List.of("a", "b"),
            List.of(),
            null,
            List.of());

    /** A source that hands out fixed content and counts how often it was asked. */
    static final class FakeSource implements Source {
        final Map<String, byte[]> content;
        final List<String> fetched = new ArrayList<>();

        FakeSource(Map<String, byte[]> content) {
            this.content = content;
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void fetch(List<DataFile> files, Path staging) throws IOException {
            for (DataFile file : files) {
                fetched.add(file.name());
                Files.write(staging.resolve(file.name()), content.get(file.name()));
            }
        }
    }

    static final class FailingSource implements Source {
        @Override
        public String describe() {
            return "offline mirror";
        }

        @Override
        public void fetch(List<DataFile> files, Path staging) throws IOException {
            throw new IOException("no route to host");
        }
    }

    private DataCache cache(Source... sources) {
        return new DataCache(dir, spec -> List.of(sources));
    }

    @Test
    void fetchesMissingFilesVerifiesThemAndLeavesNoStagingBehind() throws IOException {
        FakeSource source = new FakeSource(CONTENT);
        Map<DataFile, Path> paths = cache(source).ensure(TINY);
        assertEquals(4, paths.size());
        assertEquals("test labels", Files.readString(paths.get(TINY.testLabels())));
        assertTrue(cache(source).status(TINY).stream().allMatch(s -> s.state() == DataCache.State.VERIFIED));
        try (var listing = Files.list(dir.resolve("tiny"))) {
            assertEquals(4, listing.count(), "only the four files, no staging directories");
        }
        cache(source).ensure(TINY);
        assertEquals(4, source.fetched.size(), "verified files are not fetched again");
    }

    @Test
    void fallsBackToTheNextSource() {
        FakeSource fake = new FakeSource(CONTENT);
        cache(new FailingSource(), fake).ensure(TINY);
        assertEquals(4, fake.fetched.size());
    }

    @Test
    void refetchesACorruptCachedFileOnce() throws IOException {
        FakeSource source = new FakeSource(CONTENT);
        cache(source).ensure(TINY);
        Files.writeString(dir.resolve("tiny/test-images"), "flipped bits");
        assertEquals(DataCache.State.CORRUPT, cache(source).status(TINY).get(2).state());

        cache(source).ensure(TINY);
        assertEquals(
                List.of("train-images", "train-labels", "test-images", "test-labels", "test-images"), source.fetched);
        assertEquals("test images", Files.readString(dir.resolve("tiny/test-images")));
    }

    @Test
    void checksumMismatchFromEverySourceStopsWithInstructions() {
        FakeSource wrong = new FakeSource(Map.of(
                "train-images",
                bytes("evil"),
                "train-labels",
                bytes("train labels"),
                "test-images",
                bytes("test images"),
                "test-labels",
                bytes("test labels")));
        DigitsException e = assertThrows(
                DigitsException.class, () -> cache(new FailingSource(), wrong).ensure(TINY));
        String message = e.getMessage();
        assertTrue(message.contains("tried offline mirror: no route to host"), message);
        assertTrue(message.contains("tried fake: train-images has SHA-256 " + sha256(bytes("evil"))), message);
        assertTrue(
                message.contains("Put these files (raw or .gz) into "
                        + dir.resolve("tiny").toAbsolutePath()),
                message);
        assertTrue(
                message.contains("train-images  (SHA-256 of the uncompressed file " + sha256(bytes("train images"))),
                message);
        assertFalse(message.contains("test-labels  (SHA"), "files that arrived intact are not listed: " + message);
        assertFalse(Files.exists(dir.resolve("tiny/train-images")), "a file failing verification is never cached");
    }

    @Test
    void acceptsGzippedFilesPutThereByHand() throws IOException {
        Files.createDirectories(dir.resolve("tiny"));
        for (DataFile file : TINY.files()) {
            Files.write(dir.resolve("tiny/" + file.name() + ".gz"), gzip(CONTENT.get(file.name())));
        }
        Map<DataFile, Path> paths = cache(new FailingSource()).ensure(TINY);
        assertEquals(dir.resolve("tiny/train-labels.gz"), paths.get(TINY.trainLabels()));
    }

    @Test
    void downloadsGzippedFilesFromAnHttpMirror() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/mnist/", exchange -> {
            String name = exchange.getRequestURI()
                    .getPath()
                    .substring("/mnist/".length())
                    .replace(".gz", "");
            byte[] body = CONTENT.containsKey(name) ? gzip(CONTENT.get(name)) : new byte[0];
            exchange.sendResponseHeaders(CONTENT.containsKey(name) ? 200 : 404, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
            cache(new MirrorSource(base)).ensure(TINY);
            assertEquals("train images", Files.readString(dir.resolve("tiny/train-images")));

            Path staging = Files.createTempDirectory(dir, "staging");
            IOException e = assertThrows(
                    IOException.class,
                    () -> new MirrorSource(base).fetch(List.of(new DataFile("absent", "00")), staging));
            assertTrue(e.getMessage().endsWith("absent.gz answered HTTP 404"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    private static DataFile file(String name) {
        return new DataFile(name, sha256(CONTENT.get(name)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
