package dev.digits.cli;

import dev.digits.data.DataCache;
import dev.digits.data.DatasetSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits data}: what is cached and verified; {@code --download} fetches what is missing. */
@Command(
        name = "data",
        description = "Show which data files are cached and verified (SHA-256); --download fetches missing ones.")
final class DataCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Option(names = "--download", description = "Fetch missing or corrupt files.")
    boolean download;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Only this data set: mnist or fashion (default: both).")
    String dataset;

    @Override
    public Integer call() throws IOException {
        DataCache cache = data.cache();
        List<DatasetSpec> specs = dataset == null ? DatasetSpec.ALL : List.of(DatasetSpec.byName(dataset));
        if (download) {
            specs.forEach(cache::ensure);
        }
        System.out.println("data directory: " + cache.directory().toAbsolutePath());
        boolean complete = true;
        for (DatasetSpec spec : specs) {
            System.out.println(spec.name() + ":");
            for (DataCache.FileStatus status : cache.status(spec)) {
                String size = status.state() == DataCache.State.MISSING
                        ? ""
                        : String.format("%,d bytes", Files.size(status.path()));
                System.out.printf(
                        "  %-26s %-9s %s%n",
                        status.file().name(), status.state().name().toLowerCase(java.util.Locale.ROOT), size);
                complete &= status.state() == DataCache.State.VERIFIED;
            }
        }
        if (!complete) {
            System.out.println(
                    "Missing files are downloaded on first use, or now with: digits data --download [--dataset NAME]");
        }
        return 0;
    }
}
