package dev.digits.cli;

import picocli.CommandLine;

/** {@code digits --version}: this program and what it runs on. */
final class VersionProvider implements CommandLine.IVersionProvider {
    static String version() {
        String version = DigitsCommand.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    static java.util.Map<String, String> software() {
        java.util.Map<String, String> software = new java.util.LinkedHashMap<>();
        software.put("digits", version());
        software.put("djl", ai.djl.engine.Engine.getDjlVersion());
        software.put("pytorch", pytorchVersion());
        software.put("java", System.getProperty("java.version"));
        software.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return software;
    }

    /**
     * The PyTorch version DJL's engine is built for, from the engine jar's own properties: picocli asks
     * for the version whenever it builds the command line, and starting the engine costs a quarter second.
     */
    private static String pytorchVersion() {
        java.util.Properties properties = new java.util.Properties();
        try (java.io.InputStream in = VersionProvider.class.getResourceAsStream("/pytorch-engine.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (java.io.IOException e) {
            return "unknown";
        }
        return properties.getProperty("pytorch_version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return software().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .toArray(String[]::new);
    }
}
