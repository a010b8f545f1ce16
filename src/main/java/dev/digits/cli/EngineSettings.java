package dev.digits.cli;

/**
 * Engine settings that must be in place before the engine loads: offline (the PyTorch natives come
 * from the classpath, nothing is downloaded) and an explicit number of intra-op threads.
 */
final class EngineSettings {
    /** Overrides the number of engine threads (default: the number of cores). */
    static final String THREADS_VARIABLE = "DIGITS_THREADS";

    private EngineSettings() {}

    static void apply() {
        setIfAbsent("ai.djl.offline", "true");
        String threads = System.getenv(THREADS_VARIABLE);
        setIfAbsent("ai.djl.pytorch.num_threads",
                threads != null && !threads.isBlank() ? threads.strip() : String.valueOf(Runtime.getRuntime().availableProcessors()));
    }

    static int threads() {
        return Integer.parseInt(System.getProperty("ai.djl.pytorch.num_threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
