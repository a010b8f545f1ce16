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
        software.put("pytorch", ai.djl.engine.Engine.getEngine("PyTorch").getVersion());
        software.put("java", System.getProperty("java.version"));
        software.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return software;
    }

    @Override
    public String[] getVersion() {
        return software().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toArray(String[]::new);
    }
}
