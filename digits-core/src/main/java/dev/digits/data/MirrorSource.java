package dev.digits.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP(S) mirror serving {@code <name>.gz} (downloaded as {@link UrlSource} does). */
final class MirrorSource implements Source {
    private final URI base;

    MirrorSource(URI base) {
        this.base = base;
    }

    @Override
    public String describe() {
        return "mirror " + base;
    }

    @Override
    public void fetch(List<DataFile> files, Path staging) throws IOException {
        Map<String, URI> urls = new LinkedHashMap<>();
        files.forEach(file -> urls.put(file.name(), base.resolve(file.name() + ".gz")));
        new UrlSource(urls).fetch(files, staging);
    }
}
