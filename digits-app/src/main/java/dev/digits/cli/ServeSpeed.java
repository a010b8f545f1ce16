package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.serve.DigitsServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code digits bench serve}: a closed-loop load generator. Each connection is one thread with one
 * kept-alive HTTP/1.1 connection that posts the next picture as soon as the previous answer arrives; what
 * is counted are answers with status 200, and their latencies from sending to the whole answer read.
 *
 * <p>The generator usually shares the machine's cores with the server it measures, so it must cost as little
 * as it can: each connection writes a request prepared in advance on a blocking socket and reads the answer
 * by its length ({@link Connection}), at a sixth of the CPU that the JDK's or Jetty's HTTP clients take
 * (docs/performance.md).
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
        List<byte[]> requests =
                pictures.stream().map(p -> Connection.post(predict, p)).toList();
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
                        try (Connection connection = new Connection(predict)) {
                            int sent = 0;
                            while (System.nanoTime() < end) {
                                byte[] request = requests.get((offset + sent++) % requests.size());
                                long sentAt = System.nanoTime();
                                if (connection.exchange(request) == 200) {
                                    own.add(System.nanoTime() - sentAt);
                                } else {
                                    failures.incrementAndGet();
                                }
                            }
                        } catch (IOException e) {
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
        Arrays.sort(all);
        return new Result(connections, total, failures.get(), seconds, percentile(all, 0.50), percentile(all, 0.99));
    }

    /**
     * One kept-alive HTTP/1.1 connection to the server (http or https) that sends whole requests and reads each
     * answer to its end, by its {@code Content-Length} or its chunks. It reconnects when the server closes the
     * connection after an answer.
     */
    static final class Connection implements Closeable {
        private final URI server;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI server) throws IOException {
            this.server = server;
            open();
        }

        /** A POST of {@code picture} as {@code image/png} to {@code target}, as bytes to write. */
        static byte[] post(URI target, byte[] picture) {
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + target.getHost() + ":" + port(target) + "\r\n"
                    + "Content-Type: image/png\r\n"
                    + "Content-Length: " + picture.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(headBytes, headBytes.length + picture.length);
            System.arraycopy(picture, 0, request, headBytes.length, picture.length);
            return request;
        }

        /** Sends a request made by {@link #post} and reads the whole answer; returns its status. */
        int exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.") || status.length() < 12) {
                throw new IOException("not an HTTP answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) {} // trailers
            } else if (length >= 0) {
                in.skipNBytes(length);
            } else {
                close = true; // the answer ends where the connection does
                in.transferTo(OutputStream.nullOutputStream());
            }
            if (close) {
                socket.close();
                open();
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong(extension < 0 ? size : size.substring(0, extension), 16);
        }

        /** One line of the answer's head, without its line end. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the server closed the connection in the middle of an answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void open() throws IOException {
            SocketFactory sockets = "https".equalsIgnoreCase(server.getScheme())
                    ? SSLSocketFactory.getDefault()
                    : SocketFactory.getDefault();
            socket = sockets.createSocket(server.getHost(), port(server));
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        private static int port(URI uri) {
            return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** One connection's answer times in nanoseconds, written by its thread only, read after it ends. */
    private static final class Latencies {
        long[] values = new long[1024];
        int count;

        void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, 2 * count);
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
