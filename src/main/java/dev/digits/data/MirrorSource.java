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
import java.util.zip.GZIPInputStream;

/** An HTTP(S) mirror serving {@code <name>.gz}. Short connect timeout: offline machines fail fast. */
final class MirrorSource implements Source {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    MirrorSource(URI base) {
        this.base = base;
    }

    @Override
    public String describe() {
        return "mirror " + base;
    }

    @Override
    public void fetch(List<DataFile> files, Path staging) throws IOException {
        for (DataFile file : files) {
            URI uri = base.resolve(file.name() + ".gz");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
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
                Files.copy(new GZIPInputStream(body, 1 << 16), staging.resolve(file.name()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
