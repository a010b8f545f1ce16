package dev.digits.cli;

import ai.djl.pytorch.jni.LibUtils;
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
    /** Commands that never start the engine. */
    private static final Set<String> NO_ENGINE = Set.of("help", "data", "generate-completion");

    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");

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

    private static boolean readsImages(String[] args) {
        List<String> words =
                Arrays.stream(args).filter(a -> !a.startsWith("-")).limit(2).toList();
        if (words.isEmpty()) {
            return false;
        }
        return READING_IMAGES.contains(words.get(0))
                || words.get(0).equals("bench") && words.size() > 1 && BENCHMARKS_READING_IMAGES.contains(words.get(1));
    }

    /**
     * Starts loading the engine's native libraries (a third of a second) on a thread of its own, so that
     * it overlaps reading the command line, the model card and the images; null where the command needs
     * no engine. Whoever then asks for the engine waits for this load rather than starting another, and
     * makes the engine on its own thread. A failure is left to that caller, who reports it.
     */
    static Thread startLoading(String[] args) {
        boolean needsEngine = args.length > 0
                && !NO_ENGINE.contains(args[0])
                && Arrays.stream(args).noneMatch(a -> HELP_OPTIONS.contains(a));
        if (!needsEngine) {
            return null;
        }
        Thread loading = new Thread(
                () -> {
                    try {
                        // Only the libraries: the engine itself is made on the thread that asks for it,
                        // since PyTorch keeps settings such as "no gradients" per thread.
                        LibUtils.loadLibrary();
                    } catch (RuntimeException | LinkageError e) {
                        // the command's own call fails the same way and says so
                    }
                },
                "engine-loading");
        loading.setDaemon(true);
        loading.start();
        return loading;
    }

    /** Waits for {@link #startLoading}'s thread: a process must not exit while a native library loads. */
    static void awaitLoading(Thread loading) {
        if (loading == null) {
            return;
        }
        try {
            loading.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
