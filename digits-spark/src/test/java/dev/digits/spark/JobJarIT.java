package dev.digits.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's jar as a cluster runs it: {@code target/digits-spark.jar} alone beside Spark's own jars (no
 * digits or DJL classes from anywhere else), in a JVM of its own, in {@code local[2]}. It finds the
 * engine, PyTorch's native library and the bundled models inside the jar.
 */
class JobJarIT {
    @TempDir
    Path work;

    @Test
    void theJarReadsADirectoryBesideSparkAlone() throws Exception {
        Path images = Files.createDirectories(work.resolve("images"));
        for (String sample : List.of("number-6771.png", "number-873420.png", "photo-8.jpg", "canvas-3.png")) {
            Files.copy(Path.of("docs/samples", sample), images.resolve(sample));
        }
        Files.writeString(images.resolve("readme.txt"), "not an image");
        Path output = work.resolve("out");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("digits.spark.jvm.options").split(" ")));
        command.addAll(List.of(
                "-Xmx2g",
                "-Dspark.master=local[2]",
                "-cp",
                sparkOnly() + File.pathSeparator + System.getProperty("digits.spark.jar")));
        command.addAll(List.of(
                "dev.digits.spark.ReadJob",
                "--input",
                images.toString(),
                "--output",
                output.toString(),
                "--format",
                "json"));
        Path log = work.resolve("job.log");
        Process job = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(job.waitFor(5, TimeUnit.MINUTES), "the job did not finish");
        String said = Files.readString(log);
        assertEquals(0, job.exitValue(), said);
        assertTrue(said.contains("digits-spark: 5 files into " + output + ", 1 of them not read"), said);

        Map<String, JsonNode> rows = new HashMap<>();
        try (Stream<Path> parts = Files.list(output)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    JsonNode row = new ObjectMapper().readTree(line);
                    rows.put(
                            Path.of(row.get("path").asText().replaceFirst("^file:", ""))
                                    .getFileName()
                                    .toString(),
                            row);
                }
            }
        }
        assertEquals("6771", rows.get("number-6771.png").get("text").asText(), rows.toString());
        assertEquals("873420", rows.get("number-873420.png").get("text").asText(), rows.toString());
        assertEquals("8", rows.get("photo-8.jpg").get("text").asText(), rows.toString());
        assertEquals("3", rows.get("canvas-3.png").get("text").asText(), rows.toString());
        assertTrue(rows.get("readme.txt").get("error").asText().contains("not an image"), rows.toString());
    }

    /** Spark and what it brings, from this JVM's class path: nothing that only digits-core needs. */
    private static String sparkOnly() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("target" + File.separator)
                        && !entry.contains(File.separator + "dev" + File.separator + "digits" + File.separator)
                        && !entry.contains(File.separator + "ai" + File.separator + "djl" + File.separator)
                        && !entry.contains("twelvemonkeys")
                        && !entry.contains("jhdf")
                        && !entry.contains(File.separator + "jna" + File.separator)
                        && !entry.contains("picocli"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
