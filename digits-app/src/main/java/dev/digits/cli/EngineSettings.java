package dev.digits.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Engine settings that must be in place before the engine loads: offline (the PyTorch natives come
 * from the classpath, nothing is downloaded) and an explicit number of intra-op threads: every core for
 * training and evaluation, one where images are read, since those commands run one image per core
 * and the engine's own threads would only spin on inputs of one or two digits.
 */
final class EngineSettings {
    /** Overrides the number of engine threads. */
    static final String THREADS_VARIABLE = "DIGITS_THREADS";
    /** Commands (and {@code bench} subcommands) that read images one per core. */
    private static final Set<String> READING_IMAGES = Set.of("predict", "read", "serve");

    private static final Set<String> BENCHMARKS_READING_IMAGES = Set.of("read", "serve", "real", "handwriting");

    private EngineSettings() {}

    static void apply(String[] args) {
        setIfAbsent("ai.djl.offline", "true");
        String threads = System.getenv(THREADS_VARIABLE);
        setIfAbsent(
                "ai.djl.pytorch.num_threads",
                threads != null && !threads.isBlank()
                        ? threads.strip()
                        : readsImages(args)
                                ? "1"
                                : String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    /** Whether {@code args} run a command that reads images (one per core). */
    static boolean readsImages(String[] args) {
        List<String> words =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
        if (words.isEmpty()) {
            return false;
        }
        return READING_IMAGES.contains(words.get(0))
                || words.get(0).equals("bench") && words.size() > 1 && BENCHMARKS_READING_IMAGES.contains(words.get(1));
    }

    static int threads() {
        return Integer.parseInt(System.getProperty(
                "ai.djl.pytorch.num_threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
