package dev.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives that {@code ./mvnw package} makes, as a user gets them: unpacked into an empty
 * folder and run with a Java runtime alone, no Maven and no network (the engine runs offline).
 */
class ReleaseArchiveIT {
    /** target/digits-VERSION, without the archive's extension; failsafe passes it. */
    private static final String RELEASE = System.getProperty("digits.release");
    /** The folder every entry of an archive lies in: digits-VERSION/. */
    private static final String BASE = RELEASE == null ? "" : Path.of(RELEASE).getFileName() + "/";

    private static Path tarGz;
    private static Path zip;

    @TempDir
    static Path unpacked;

    private static Path home;
    /** The tarball's file entries, as named in it. */
    private static final Set<String> IN_TAR = new TreeSet<>();

    @BeforeAll
    static void unpackTheTarball() throws IOException {
        assertTrue(RELEASE != null, "failsafe passes the archives' path as digits.release");
        tarGz = Path.of(RELEASE + ".tar.gz");
        zip = Path.of(RELEASE + ".zip");
        assertTrue(Files.isRegularFile(tarGz), "package made " + tarGz);
        assertTrue(Files.isRegularFile(zip), "package made " + zip);
        try (InputStream file = Files.newInputStream(tarGz);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = unpacked.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(unpacked), "entry stays inside the folder: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target);
                IN_TAR.add(entry.getName());
                if ((entry.getMode() & 0100) != 0) {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
                    permissions.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(target, permissions);
                }
            }
        }
        home = unpacked.resolve(BASE);
    }

    @Test
    void bothArchivesHoldTheLaunchersEveryJarTheSamplesAndTheLicence() throws IOException {
        Set<String> inTar = IN_TAR;
        Set<String> inZip = new TreeSet<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            archive.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
        }
        assertEquals(inTar, inZip, "the zip and the tarball hold the same files");
        for (String expected : new String[] {
            "bin/digits",
            "bin/digits.cmd",
            "lib/digits.jar",
            "README.md",
            "LICENSE",
            "THIRD-PARTY.txt",
            "samples/canvas-8.png"
        }) {
            assertTrue(inTar.contains(BASE + expected), "the release holds " + expected + ": " + inTar);
        }
        assertTrue(
                inTar.stream().anyMatch(name -> name.startsWith(BASE + "lib/pytorch-native-cpu-")),
                "the engine's native library travels in lib/");
        String thirdParty = Files.readString(home.resolve("THIRD-PARTY.txt"), StandardCharsets.UTF_8);
        // Each line names a library as (group:artifact:version - url); its jar is artifact-version[-classifier].jar.
        List<String> listed = Pattern.compile("\\(([^\\s():]+):([^\\s():]+):(\\S+) - ")
                .matcher(thirdParty)
                .results()
                .map(m -> m.group(2) + "-" + m.group(3))
                .toList();
        try (var jars = Files.list(home.resolve("lib"))) {
            for (String jar : jars.map(j -> j.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .toList()) {
                assertTrue(
                        jar.equals("digits.jar") || listed.stream().anyMatch(jar::startsWith),
                        jar + " is listed with its licence in THIRD-PARTY.txt");
            }
        }
        assertTrue(!thirdParty.contains("Unknown license"), "every library's licence is known");
        assertTrue(Files.isExecutable(home.resolve("bin/digits")), "bin/digits is executable in the tarball");
        String cmd = Files.readString(home.resolve("bin/digits.cmd"), StandardCharsets.UTF_8);
        assertTrue(
                cmd.contains("\r\n") && cmd.contains("dev.digits.cli.DigitsCommand"),
                "digits.cmd has Windows line ends");
    }

    @Test
    void predictRunsFromTheUnpackedRelease() throws Exception {
        Process predict = start("predict", home.resolve("samples/canvas-8.png").toString());
        assertTrue(predict.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String out = new String(predict.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, predict.exitValue(), out);
        assertTrue(out.contains("canvas-8.png: 8 ("), "the sample reads as 8: " + out);

        // The first run made this runtime's class-data archive beside the jars, and left nothing else there ...
        assertTrue(Files.isRegularFile(archiveOf(System.getProperty("java.runtime.version"))), "archived");
        try (var lib = Files.list(home.resolve("lib"))) {
            assertEquals(
                    List.of(),
                    lib.map(f -> f.getFileName().toString())
                            .filter(n -> n.contains(".jsa."))
                            .toList());
        }
        // ... which the next run maps (-Xshare:on fails where it cannot), picocli's classes included.
        Path classes = unpacked.resolve("classes.log");
        Process again = start(
                List.of("-Xshare:on", "-Xlog:class+load=info:file=" + classes),
                "predict",
                home.resolve("samples/canvas-8.png").toString());
        assertTrue(again.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String second = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, again.exitValue(), second);
        // The answer and nothing else: no warning of the engine's on the way (stderr is merged in).
        assertEquals(1, second.lines().count(), second);
        assertTrue(
                Files.readAllLines(classes).stream()
                        .anyMatch(l -> l.contains("picocli.CommandLine ") && l.contains("shared objects file")),
                "picocli comes from the archive");
    }

    /**
     * Another Java runtime, here 24 or later, gets a class-data archive of its own (an archive maps only
     * into the build that made it) and, since Java 24 and later warn on stderr at every start where a
     * library loads native code without native access granted (JNA, for the engine), native access:
     * predict prints its answer alone. Skipped where no such runtime is installed beside this one.
     */
    @Test
    void aJava24OrLaterGetsItsOwnArchiveAndNoWarnings() throws Exception {
        Optional<Path> newer = newerJava();
        assumeTrue(newer.isPresent(), "no Java 24 or later installed beside " + System.getProperty("java.home"));
        String sample = home.resolve("samples/canvas-8.png").toString();
        Process first = start(newer.get(), List.of(), "predict", sample);
        assertTrue(first.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, first.exitValue(), firstOut);
        assertTrue(Files.isRegularFile(archiveOf(release(newer.get(), "JAVA_RUNTIME_VERSION"))), firstOut);

        // -Xshare:on fails where the archive cannot be mapped
        Process again = start(newer.get(), List.of("-Xshare:on"), "predict", sample);
        assertTrue(again.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String out = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, again.exitValue(), out);
        assertEquals(1, out.lines().count(), "the answer and nothing else (stderr is merged in): " + out);
        assertTrue(out.contains("canvas-8.png: 8 ("), out);
    }

    /** Where the launcher keeps the class-data archive of the runtime whose build is {@code runtimeVersion}. */
    private static Path archiveOf(String runtimeVersion) {
        return home.resolve("lib/digits-" + runtimeVersion.replaceAll("[^A-Za-z0-9.+-]", "_") + ".jsa");
    }

    /** A Java runtime of version 24 or later in the folder that holds this test's (/usr/lib/jvm on Debian). */
    private static Optional<Path> newerJava() throws IOException {
        Path runtimes = Path.of(System.getProperty("java.home")).toRealPath().getParent();
        try (var homes = Files.list(runtimes)) {
            return homes.filter(h -> Files.isExecutable(h.resolve("bin/java"))
                            && release(h, "JAVA_VERSION").matches("(2[4-9]|[3-9][0-9])(\\..*)?"))
                    .findFirst();
        }
    }

    /** A value in a runtime's release file ("25.0.3" for JAVA_VERSION), or "" where it has none. */
    private static String release(Path javaHome, String key) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                Matcher value = Pattern.compile("^" + key + "=\"([^\"]*)\"").matcher(line);
                if (value.find()) {
                    return value.group(1);
                }
            }
        } catch (IOException noReleaseFile) {
            // not a runtime's home
        }
        return "";
    }

    /** predict and read end their process at once (ProcessEnd): exit codes, messages and help still come through. */
    @Test
    void failuresKeepTheirExitCodesAndMessages() throws Exception {
        String missing = unpacked.resolve("no-such-picture.png").toString();
        for (String command : List.of("predict", "read")) {
            Process failed = start(command, missing);
            assertTrue(failed.waitFor(120, TimeUnit.SECONDS), command + " finished");
            String out = new String(failed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(1, failed.exitValue(), out);
            assertTrue(out.contains("digits: no such file or directory: " + missing), out);

            Process misused = start(command, "--no-such-option", missing);
            assertTrue(misused.waitFor(120, TimeUnit.SECONDS), command + " finished");
            String usage = new String(misused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, misused.exitValue(), usage);
            assertTrue(usage.contains("Run 'digits " + command + " --help' for its options."), usage);

            Process help = start(command, "--help");
            assertTrue(help.waitFor(120, TimeUnit.SECONDS), command + " --help finished");
            String text = new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, help.exitValue(), text);
            assertTrue(text.contains("Usage: digits " + command) && text.contains("--json"), text);
        }
    }

    /** The launcher runs the quick compiler alone for up to 200 pictures to read, both compilers past that. */
    @Test
    void readsCompilerFollowsTheNumberOfPictures() throws Exception {
        Path pictures = unpacked.resolve("pictures");
        Files.createDirectories(pictures);
        for (int i = 0; i < 200; i++) {
            Files.write(pictures.resolve(i + ".png"), new byte[0]);
        }
        assertTrue(quickCompilerOnly("read", "--help", pictures.toString()), "200 pictures: C1 alone");
        Files.write(pictures.resolve("200.png"), new byte[0]);
        assertFalse(quickCompilerOnly("read", "--help", pictures.toString()), "201 pictures: C1 and C2");
    }

    /** Whether the JVM that the launcher starts for {@code args} stops at the quick compiler. */
    private static boolean quickCompilerOnly(String... args) throws Exception {
        Process process = start(List.of("-XX:+PrintCommandLineFlags"), args);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the launcher finished");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), out);
        return out.contains("-XX:TieredStopAtLevel=1");
    }

    /** A flight recording is written as the JVM exits: with one, predict ends the orderly way. */
    @Test
    void aFlightRecordingOfPredictIsWritten() throws Exception {
        Path recording = unpacked.resolve("predict.jfr");
        Process predict = start(
                List.of("-XX:StartFlightRecording=filename=" + recording),
                "predict",
                home.resolve("samples/canvas-8.png").toString());
        assertTrue(predict.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String out = new String(predict.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, predict.exitValue(), out);
        assertTrue(Files.isRegularFile(recording) && Files.size(recording) > 0, "the recording was written: " + out);
    }

    @Test
    void serveAnswersFromTheUnpackedRelease() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process serve = start("serve", "--port", String.valueOf(port));
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            int status = 0;
            while (status != 200 && serve.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    status = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, status, "the server came up");
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/predict"))
                            .header("Content-Type", "image/png")
                            .POST(HttpRequest.BodyPublishers.ofFile(home.resolve("samples/canvas-8.png")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(answer.body().matches("(?s).*\"digit\"\\s*:\\s*8\\b.*"), answer.body());
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    /** {@code bin/digits} with the Java runtime running this test, and nothing from the build on its path. */
    private static Process start(String... args) throws IOException {
        return start(List.of(), args);
    }

    /** The same, with {@code javaOptions} for the JVM (the launcher's DIGITS_JAVA_OPTS). */
    private static Process start(List<String> javaOptions, String... args) throws IOException {
        return start(Path.of(System.getProperty("java.home")), javaOptions, args);
    }

    /** The same, with the Java runtime in {@code javaHome}. */
    private static Process start(Path javaHome, List<String> javaOptions, String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("bin/digits").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(unpacked.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().remove("DIGITS_JAR");
        builder.environment().remove("DIGITS_CLASSPATH");
        builder.environment().put("DIGITS_JAVA_OPTS", String.join(" ", javaOptions));
        return builder.start();
    }
}
