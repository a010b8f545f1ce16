package dev.digits.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.digits.TestImages;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.Prediction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark API and job in Spark's local[2] mode, against what {@code digits read --json} gives. */
class DigitsSparkTest {
    private static final Path REAL_NUMBERS = Path.of("../shared/data/real/numbers");
    private static final Path REAL_SINGLE = Path.of("../shared/data/real/single");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    static Path images;
    static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        images = Files.createDirectories(work.resolve("images"));
        // Generated: numbers of MNIST test digits, and single digits, drawn as the page draws them.
        Files.write(images.resolve("mnist-number-a.png"), TestImages.png(TestImages.digits(4, 0, 1, 2, 3)));
        Files.write(images.resolve("mnist-number-b.png"), TestImages.png(TestImages.digits(3, 11, 18, 61)));
        Files.write(images.resolve("mnist-one-7.png"), TestImages.png(TestImages.digits(6, 0)));
        // The project's own samples: canvas drawings, phone photos of paper, numbers.
        try (Stream<Path> samples = Files.list(Path.of("docs/samples"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, images.resolve("sample-" + sample.getFileName()));
            }
        }
        // Real handwriting by other writers, where ../shared holds it (copied to the test's own directory).
        for (Path real : List.of(REAL_NUMBERS, REAL_SINGLE)) {
            if (Files.isDirectory(real)) {
                try (Stream<Path> files = Files.list(real)) {
                    for (Path file : files.filter(f -> !f.toString().endsWith(".json"))
                            .sorted()
                            .limit(6)
                            .toList()) {
                        Files.copy(file, images.resolve("real-" + real.getFileName() + "-" + file.getFileName()));
                    }
                }
            } else {
                System.err.println("DigitsSparkTest: " + real + " is absent; reading generated images only");
            }
        }
        byte[] png = TestImages.png(TestImages.digits(4, 5, 6));
        Files.write(images.resolve("broken.png"), java.util.Arrays.copyOf(png, png.length / 3));
        Files.writeString(images.resolve("notes.txt"), "not an image\n");
        spark = localSpark();
    }

    private static SparkSession localSpark() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("digits-spark-test")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Dataset<Row> binaryFiles(Path directory) {
        return spark.read().format("binaryFile").load(directory.toString());
    }

    @Test
    void theJobGivesWhatTheCommandLineGivesForEveryImage() throws Exception {
        Map<String, JsonNode> cli = commandLineRead(images);
        Path out = work.resolve("numbers.json");
        job("--input", images.toString(), "--output", out.toString(), "--format", "json");
        Map<String, JsonNode> spark = new HashMap<>();
        try (Stream<Path> parts = Files.list(out)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .toList()) {
                for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                    JsonNode row = JSON.readTree(line);
                    spark.put(
                            Path.of(java.net.URI.create(row.get("path").asText()))
                                    .getFileName()
                                    .toString(),
                            row);
                }
            }
        }
        // The command line reads image files by name; Spark reads every file, notes.txt included.
        assertEquals(cli.size() + 1, spark.size(), "rows: " + spark.keySet());
        int compared = 0;
        for (Map.Entry<String, JsonNode> entry : cli.entrySet()) {
            JsonNode expected = entry.getValue();
            JsonNode row = spark.get(entry.getKey());
            assertNotNull(row, "no row for " + entry.getKey());
            if (expected.has("error")) {
                assertTrue(row.has("error"), entry.getKey() + " was read by Spark but not by digits read");
                assertTrue(!row.has("text") && !row.has("digits"), row.toString());
                continue;
            }
            assertTrue(!row.has("error"), row.toString());
            assertEquals(expected.get("text"), row.get("text"), entry.getKey());
            assertEquals(expected.get("digits").size(), row.get("digits").size(), entry.getKey());
            for (int i = 0; i < expected.get("digits").size(); i++) {
                JsonNode want = expected.get("digits").get(i);
                JsonNode got = row.get("digits").get(i);
                String where = entry.getKey() + " digit " + i;
                assertEquals(want.get("box"), got.get("box"), where);
                assertEquals(want.get("digit"), got.get("digit"), where);
                assertEquals(want.get("sure"), got.get("sure"), where);
                // The same answers; a probability may differ in its last bit with the batch it ran in.
                assertEquals(
                        want.get("confidence").asDouble(), got.get("confidence").asDouble(), 1e-6, where);
                for (int k = 0; k < 10; k++) {
                    assertEquals(
                            want.get("probabilities").get(k).asDouble(),
                            got.get("probabilities").get(k).asDouble(),
                            1e-6,
                            where);
                }
            }
            compared++;
        }
        assertTrue(compared >= 8, "only " + compared + " images were read by both");
        assertTrue(
                spark.get("notes.txt").get("error").asText().contains("not an image"),
                spark.get("notes.txt").toString());
    }

    /** {@code digits read --json DIR}, the application's own jar in a JVM of its own: file name to line. */
    private static Map<String, JsonNode> commandLineRead(Path directory) throws Exception {
        Path jar = Path.of("digits-app/target/digits.jar");
        assumeTrue(Files.isRegularFile(jar), "digits-app/target/digits.jar is not built: run ./mvnw verify");
        Path out = work.resolve("cli.jsonl");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-jar",
                        jar.toString(),
                        "read",
                        "--json",
                        directory.toString())
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "digits read did not finish");
        Map<String, JsonNode> lines = new HashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            JsonNode node = JSON.readTree(line);
            lines.put(Path.of(node.get("file").asText()).getFileName().toString(), node);
        }
        return lines;
    }

    @Test
    void predictGivesWhatTheLibraryGives() throws IOException {
        Path singles = Files.createDirectories(work.resolve("singles"));
        int[] indices = {0, 1, 2, 3, 4, 7};
        for (int index : indices) {
            Files.write(singles.resolve("mnist-" + index + ".png"), TestImages.png(TestImages.digits(5, index)));
        }
        Files.write(
                singles.resolve("blank.png"),
                TestImages.png(new java.awt.image.BufferedImage(60, 60, java.awt.image.BufferedImage.TYPE_BYTE_GRAY)));
        Files.writeString(singles.resolve("notes.txt"), "not an image\n");
        List<Row> rows = DigitsSpark.predict(binaryFiles(singles)).collectAsList();
        assertEquals(indices.length + 2, rows.size());
        try (DigitRecognizer recognizer = DigitRecognizer.load()) {
            for (Row row : rows) {
                String path = row.getAs("path");
                if (path.endsWith("blank.png") || path.endsWith("notes.txt")) {
                    assertNull(row.getAs("digit"), path);
                    assertTrue(
                            row.<String>getAs("error")
                                    .contains(path.endsWith("blank.png") ? "no digit found" : "not an image"),
                            row.toString());
                    continue;
                }
                Prediction expected = recognizer.predict(Path.of(java.net.URI.create(row.getAs("path"))));
                assertNull(row.getAs("error"));
                assertEquals(expected.digit(), row.<Integer>getAs("digit"));
                assertEquals(expected.confidence(), row.<Float>getAs("confidence"), 1e-6f);
                assertEquals(expected.sure(), row.<Boolean>getAs("sure"));
                assertEquals(expected.unsureBecause(), row.getAs("unsure_because"));
            }
        }
    }

    @Test
    void aModelDirectoryIsShippedToTheExecutorsAndReads() throws IOException {
        Path cutter = Path.of("digits-core/src/main/resources/dev/digits/bundled-cutter");
        DigitsSpark.Options options = DigitsSpark.Options.defaults().withModel(cutter.toString());
        List<Row> rows = DigitsSpark.read(binaryFiles(images).filter("path like '%mnist-number%'"), options)
                .collectAsList();
        assertEquals(2, rows.size());
        try (DigitRecognizer recognizer = DigitRecognizer.load(cutter)) {
            for (Row row : rows) {
                Path file = Path.of(java.net.URI.create(row.getAs("path")));
                assertEquals(recognizer.read(file).text(), row.getAs("text"), file.toString());
            }
        }
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> DigitsSpark.read(binaryFiles(images), options.withModel("no/such/model")));
        assertTrue(missing.getMessage().contains("no model directory at no/such/model"), missing.getMessage());
    }

    @Test
    void theJobWritesOneRowPerFileWithErrorsAsRows() throws IOException {
        Path parquet = work.resolve("numbers.parquet");
        ReadJob.Written written = job("--input", images.toString(), "--output", parquet.toString());
        long files;
        try (Stream<Path> listing = Files.list(images)) {
            files = listing.count();
        }
        assertEquals(new ReadJob.Written(files, 2), written, "broken.png and notes.txt are the errors");
        Dataset<Row> rows = spark.read().parquet(parquet.toString());
        StructType expected = new StructType().add("path", "string");
        for (var field : DigitsSchema.READ.fields()) {
            expected = expected.add(field);
        }
        assertEquals(expected.simpleString(), rows.schema().simpleString());
        assertEquals(2, rows.filter("error is not null").count());
        assertEquals(
                "6771",
                rows.filter("path like '%sample-number-6771.png'").first().getAs("text"));

        // The output is never overwritten by mistake; --overwrite replaces it.
        Exception exists =
                assertThrows(Exception.class, () -> job("--input", images.toString(), "--output", parquet.toString()));
        assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());
        job("--input", images.toString(), "--output", parquet.toString(), "--overwrite", "--glob", "*.png");
        assertEquals(
                0,
                spark.read()
                        .parquet(parquet.toString())
                        .filter("path like '%.txt'")
                        .count());
    }

    @Test
    void csvHoldsTheDigitsAsJsonText() throws IOException {
        Path csv = work.resolve("numbers.csv");
        job("--input", images.toString(), "--output", csv.toString(), "--format", "csv", "--glob", "sample-*");
        Row row = spark.read()
                .option("header", "true")
                .csv(csv.toString())
                .filter("path like '%number-873420.png'")
                .first();
        assertEquals("873420", row.getAs("text"));
        JsonNode digits = JSON.readTree(row.<String>getAs("digits"));
        assertEquals(6, digits.size());
        assertEquals(8, digits.get(0).get("digit").asInt());
        assertTrue(digits.get(0).get("box").has("width"));
    }

    @Test
    void inputWithoutImageBytesIsRefusedWithAClearError() {
        Dataset<Row> names = spark.range(3).toDF("content");
        IllegalArgumentException notBinary =
                assertThrows(IllegalArgumentException.class, () -> DigitsSpark.read(names));
        assertTrue(notBinary.getMessage().contains("holds bigint, not binary"), notBinary.getMessage());
        IllegalArgumentException missing = assertThrows(
                IllegalArgumentException.class,
                () -> DigitsSpark.read(
                        binaryFiles(images), DigitsSpark.Options.defaults().withContentColumn("bytes")));
        assertTrue(missing.getMessage().contains("no column 'bytes'"), missing.getMessage());
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class, () -> DigitsSpark.read(DigitsSpark.read(binaryFiles(images))));
        assertTrue(twice.getMessage().contains("already have a column named 'text'"), twice.getMessage());
    }

    @Test
    void theJobSaysWhatIsWrongInOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine line = ReadJob.commandLine().setErr(new java.io.PrintWriter(err, true));
        Path output = work.resolve("never-written");
        System.setProperty("spark.master", "local[2]");
        try {
            int code = line.execute("--input", work.resolve("no-such-dir").toString(), "--output", output.toString());
            assertEquals(1, code);
            assertTrue(err.toString().startsWith("digits-spark: [PATH_NOT_FOUND]"), err.toString());
            assertTrue(Files.notExists(output));
        } finally {
            System.clearProperty("spark.master");
        }
        // The job stopped the session it shared with this test: start it again for the tests after.
        spark = localSpark();
    }

    private static ReadJob.Written job(String... args) {
        ReadJob job = new ReadJob();
        new picocli.CommandLine(job).parseArgs(args);
        return job.run(spark);
    }
}
