package dev.digits.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A directory where a system package installed the files, raw or gzipped (Debian's data set packages). */
final class LocalDirectorySource implements Source {
    private final Path directory;

    LocalDirectorySource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String describe() {
        return "directory " + directory;
    }

    @Override
    public void fetch(List<DataFile> files, Path staging) throws IOException {
        int copied = 0;
        for (DataFile file : files) {
            for (String candidate : List.of(file.name(), file.name() + ".gz")) {
                Path path = directory.resolve(candidate);
                if (Files.isRegularFile(path)) {
                    try (InputStream in = Unpacked.open(path)) {
                        Files.copy(in, staging.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
                    }
                    copied++;
                    break;
                }
            }
        }
        if (copied == 0) {
            throw new IOException("no data files in " + directory);
        }
    }
}
