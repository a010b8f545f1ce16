package dev.digits.data;

import dev.digits.DigitsException;
import dev.digits.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local copy of data sets: {@code <directory>/<data set>/<file>}. Files are fetched on first
 * use, verified by SHA-256 and moved into place atomically; a cached file that fails verification
 * is fetched again once.
 */
public final class DataCache {
    /** Environment variable that moves the cache (the {@code --data-dir} option wins over it). */
    public static final String DIRECTORY_VARIABLE = "DIGITS_DATA_DIR";

    private static final Logger log = LoggerFactory.getLogger(DataCache.class);

    /** What is known about one file of a data set in the cache. */
    public record FileStatus(DataFile file, Path path, State state) {}

    public enum State {
        VERIFIED,
        MISSING,
        CORRUPT
    }

    private final Path directory;
    private final SourceFactory sources;

    /** Chooses where to fetch a data set from; tests substitute their own. */
    @FunctionalInterface
    interface SourceFactory {
        List<Source> sourcesFor(FileSet set);
    }

    public DataCache(Path directory) {
        this(directory, DataCache::defaultSources);
    }

    DataCache(Path directory, SourceFactory sources) {
        this.directory = directory;
        this.sources = sources;
    }

    /** {@code $DIGITS_DATA_DIR}, else {@code $XDG_CACHE_HOME/digits}, else {@code ~/.cache/digits}. */
    public static Path defaultDirectory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cacheHome =
                xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cacheHome.resolve("digits");
    }

    public Path directory() {
        return directory;
    }

    public Path directoryOf(FileSet spec) {
        return directory.resolve(spec.name());
    }

    /** Checks every file of the data set without fetching anything. */
    public List<FileStatus> status(FileSet spec) {
        List<FileStatus> result = new ArrayList<>();
        for (DataFile file : spec.files()) {
            Path path = locate(spec, file);
            State state = path == null ? State.MISSING : verified(path, file) ? State.VERIFIED : State.CORRUPT;
            result.add(
                    new FileStatus(file, path != null ? path : directoryOf(spec).resolve(file.name()), state));
        }
        return result;
    }

    /** Returns the verified path of every file of the data set, fetching what is missing or corrupt. */
    public Map<DataFile, Path> ensure(FileSet spec) {
        Map<DataFile, Path> paths = new LinkedHashMap<>();
        List<DataFile> needed = new ArrayList<>();
        for (FileStatus status : status(spec)) {
            if (status.state() == State.VERIFIED) {
                paths.put(status.file(), status.path());
            } else {
                if (status.state() == State.CORRUPT) {
                    log.warn("{} does not match its SHA-256; fetching it again", status.path());
                    deleteQuietly(status.path());
                }
                needed.add(status.file());
            }
        }
        if (!needed.isEmpty()) {
            fetch(spec, needed);
            for (DataFile file : needed) {
                paths.put(file, directoryOf(spec).resolve(file.name()));
            }
        }
        return paths;
    }

    private void fetch(FileSet spec, List<DataFile> needed) {
        Path target = directoryOf(spec);
        List<String> failures = new ArrayList<>();
        List<DataFile> missing = new ArrayList<>(needed);
        for (Source source : sources.sourcesFor(spec)) {
            log.info("Fetching {} file(s) of {} from {}", missing.size(), spec.name(), source.describe());
            try {
                Files.createDirectories(target);
                Path staging = Files.createTempDirectory(target, ".fetch");
                try {
                    source.fetch(missing, staging);
                    missing.removeIf(file -> acceptFromStaging(file, staging, target, source, failures));
                } finally {
                    deleteTree(staging);
                }
            } catch (IOException | RuntimeException e) {
                failures.add(source.describe() + ": " + e.getMessage());
            }
            if (missing.isEmpty()) {
                log.info("{} is ready in {}", spec.name(), target);
                return;
            }
        }
        throw new DigitsException(missingMessage(spec, missing, failures));
    }

    private boolean acceptFromStaging(DataFile file, Path staging, Path target, Source source, List<String> failures) {
        Path fetched = staging.resolve(file.name());
        if (!Files.isRegularFile(fetched)) {
            return false;
        }
        try {
            String actual = Sha256.ofContent(fetched);
            if (!actual.equals(file.sha256())) {
                failures.add(source.describe() + ": " + file.name() + " has SHA-256 " + actual + ", expected "
                        + file.sha256());
                return false;
            }
            AtomicFiles.moveIntoPlace(fetched, target.resolve(file.name()));
            return true;
        } catch (IOException e) {
            failures.add(source.describe() + ": " + file.name() + ": " + e.getMessage());
            return false;
        }
    }

    private String missingMessage(FileSet spec, List<DataFile> missing, List<String> failures) {
        StringBuilder message = new StringBuilder("could not get the " + spec.name() + " data set.\n");
        for (String failure : failures) {
            message.append("  tried ").append(failure).append('\n');
        }
        message.append("Put these files (raw or .gz) into ")
                .append(directoryOf(spec).toAbsolutePath())
                .append(" by hand, or point --data-dir / ")
                .append(DIRECTORY_VARIABLE)
                .append(" at a directory that has them:\n");
        for (DataFile file : missing) {
            message.append("  ")
                    .append(file.name())
                    .append("  (SHA-256 of the uncompressed file ")
                    .append(file.sha256())
                    .append(")\n");
        }
        return message.toString().strip();
    }

    private Path locate(FileSet spec, DataFile file) {
        for (String candidate : List.of(file.name(), file.name() + ".gz")) {
            Path path = directoryOf(spec).resolve(candidate);
            if (Files.isRegularFile(path)) {
                return path;
            }
        }
        return null;
    }

    private static boolean verified(Path path, DataFile file) {
        try {
            return Sha256.ofContent(path).equals(file.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    static List<Source> defaultSources(FileSet set) {
        if (set instanceof HandwritingFiles files) {
            return files.sources();
        }
        DatasetSpec spec = (DatasetSpec) set;
        List<Source> result = new ArrayList<>();
        spec.localDirectories().forEach(dir -> result.add(new LocalDirectorySource(Path.of(dir))));
        spec.mirrors().forEach(uri -> result.add(new MirrorSource(uri)));
        if (spec.npmPackage() != null) {
            result.add(new NpmSource(spec.npmPackage()));
        }
        return result;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", path, e.getMessage());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
