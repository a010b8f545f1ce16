package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.serve.DigitsServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code digits bench serve}: a closed-loop load generator. Each connection is one thread with its own
 * HTTP/1.1 client that posts the next picture as soon as the previous answer arrives; what is counted
 * are answers with status 200, and their latencies from sending to the whole answer read.
 */
final class ServeSpeed {
    private ServeSpeed() {}

    /**
     * Loads the server at {@code url} (or one started here on a free port, when null) at each level of
     * {@code connections} for {@code duration}, after a warm-up at the highest level, and prints a line per level.
     */
    static int run(
            URI url, RecognizerOptions recognizer, List<Path> pictures, List<Integer> connections, Duration duration)
            throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (Path file : pictures) {
            bodies.add(Files.readAllBytes(file));
        }
        DigitRecognizer digits = url == null ? recognizer.open() : null;
        DigitsServer server = null;
        try {
            if (digits != null) {
                server = new DigitsServer(digits, DigitsServer.Options.on("127.0.0.1", 0)).start();
                url = URI.create("http://127.0.0.1:" + server.port());
            }
            URI predict = url.resolve("/api/v1/predict");
            System.out.printf(
                    Locale.ROOT,
                    "POST %s, %d pictures from %s (%.1f KB on average), %d s per level%n",
                    predict,
                    bodies.size(),
                    pictures.get(0).getParent(),
                    bodies.stream().mapToInt(b -> b.length).average().orElse(0) / 1024,
                    duration.toSeconds());
            load(
                    predict,
                    bodies,
                    connections.stream().mapToInt(Integer::intValue).max().orElse(1),
                    duration);
            System.out.printf(
                    Locale.ROOT, "%11s %9s %9s %9s %9s%n", "connections", "req/s", "p50 ms", "p99 ms", "failed");
            for (int level : connections) {
                Result r = load(predict, bodies, level, duration);
                System.out.printf(
                        Locale.ROOT,
                        "%11d %9.0f %9.1f %9.1f %9d%n",
                        r.connections(),
                        r.perSecond(),
                        r.p50Millis(),
                        r.p99Millis(),
                        r.failures());
            }
            if (server != null) {
                System.out.printf(
                        Locale.ROOT,
                        "resident memory of this process (server and load generator): %d MB%n",
                        residentMegabytes(ProcessHandle.current().pid()));
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (digits != null) {
                digits.close();
            }
        }
        return 0;
    }

    /** Requests per second and latency percentiles of one load level. */
    record Result(int connections, int requests, int failures, double seconds, double p50Millis, double p99Millis) {
        double perSecond() {
            return requests / seconds;
        }
    }

    /** Posts the pictures in turn (each connection starting at its own offset) for {@code duration}. */
    static Result load(URI predict, List<byte[]> pictures, int connections, Duration duration) {
        List<Latencies> latencies = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < connections; c++) {
            Latencies own = new Latencies();
            latencies.add(own);
            int offset = c * 7919;
            Thread thread = new Thread(
                    () -> {
                        HttpClient client = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .build();
                        try {
                            while (System.nanoTime() < end) {
                                byte[] body = pictures.get((offset + own.count) % pictures.size());
                                HttpRequest request = HttpRequest.newBuilder(predict)
                                        .header("Content-Type", "image/png")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build();
                                long sent = System.nanoTime();
                                HttpResponse<byte[]> response =
                                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                if (response.statusCode() == 200) {
                                    own.add(System.nanoTime() - sent);
                                } else {
                                    failures.incrementAndGet();
                                }
                            }
                        } catch (IOException | InterruptedException e) {
                            failures.incrementAndGet();
                        } finally {
                            done.countDown();
                        }
                    },
                    "load-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitsException("interrupted while loading the server", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = latencies.stream().mapToInt(l -> l.count).sum();
        long[] all = new long[total];
        int i = 0;
        for (Latencies own : latencies) {
            System.arraycopy(own.values, 0, all, i, own.count);
            i += own.count;
        }
        java.util.Arrays.sort(all);
        return new Result(connections, total, failures.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /** One connection's answer times in nanoseconds, written by its thread only, read after it ends. */
    private static final class Latencies {
        long[] values = new long[1024];
        int count;

        void add(long nanos) {
            if (count == values.length) {
                values = java.util.Arrays.copyOf(values, 2 * count);
            }
            values[count++] = nanos;
        }
    }

    private static double percentile(long[] sorted, double share) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(share * sorted.length))] / 1e6;
    }

    /** The server's resident memory in MB from /proc, or -1 where there is none (not Linux, another host). */
    static long residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
