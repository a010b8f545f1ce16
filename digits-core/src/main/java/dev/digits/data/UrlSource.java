package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.z.ZCompressorInputStream;

/**
 * Each file from its own URL, unpacked by the URL's suffix: {@code .gz} (gzip), {@code .Z} (Unix
 * compress, as UCI still serves its older collections), anything else as it is. Short connect
 * timeout: offline machines fail fast.
 */
final class UrlSource implements Source {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final Map<String, URI> urls;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    UrlSource(Map<String, URI> urls) {
        this.urls = urls;
    }

    @Override
    public String describe() {
        return "official source "
                + urls.values().stream().map(URI::getHost).distinct().sorted().toList();
    }

    @Override
    public void fetch(List<DataFile> files, Path staging) throws IOException {
        for (DataFile file : files) {
            URI uri = urls.get(file.name());
            if (uri == null) {
                continue;
            }
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + uri, e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode());
                }
                Files.copy(unpacked(body, uri), staging.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static InputStream unpacked(InputStream body, URI uri) throws IOException {
        String path = uri.getPath();
        if (path.endsWith(".gz")) {
            return new GZIPInputStream(body, 1 << 16);
        }
        if (path.endsWith(".Z")) {
            return new ZCompressorInputStream(body);
        }
        return body;
    }
}
