package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's HTTP/1.1 connection, against the JDK's HTTP server on loopback. */
class ServeSpeedTest {
    private HttpServer server;
    private final List<byte[]> received = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The body's length says how to answer: 1 byte, by chunks; 2 bytes, 404 and close; else by length.
        server.createContext("/api/v1/predict", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (received) {
                received.add(body);
            }
            byte[] answer = ("{\"size\":" + body.length + "}").repeat(500).getBytes(StandardCharsets.UTF_8);
            if (body.length == 2) {
                exchange.getResponseHeaders().add("Connection", "close");
            }
            exchange.sendResponseHeaders(body.length == 2 ? 404 : 200, body.length == 1 ? 0 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext(
                "/nothing", exchange -> exchange.getHttpContext().getServer().stop(0));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI predict() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/predict");
    }

    @Test
    void answersByLengthByChunksAndWithCloseAreEachReadToTheEndOnOneConnection() throws IOException {
        byte[] picture = {1, 2, 3, 4, 5};
        try (ServeSpeed.Connection connection = new ServeSpeed.Connection(predict())) {
            assertEquals(200, connection.exchange(ServeSpeed.Connection.post(predict(), picture)));
            assertEquals(200, connection.exchange(ServeSpeed.Connection.post(predict(), new byte[] {9})));
            assertEquals(404, connection.exchange(ServeSpeed.Connection.post(predict(), new byte[] {7, 7})));
            // after the server closed the connection, the next request goes out on a new one
            assertEquals(200, connection.exchange(ServeSpeed.Connection.post(predict(), picture)));
        }
        assertEquals(4, received.size());
        assertArrayEquals(picture, received.get(0));
        assertArrayEquals(new byte[] {9}, received.get(1));
        assertArrayEquals(picture, received.get(3));
    }

    @Test
    void loadCountsAnswersOtherThan200AsFailures() {
        ServeSpeed.Result ok =
                ServeSpeed.load(predict(), List.of(new byte[] {1, 2, 3}), 2, java.time.Duration.ofMillis(300));
        assertEquals(0, ok.failures());
        assertEquals(2, ok.connections());
        assertEquals(ok.requests(), received.size());
        ServeSpeed.Result refused =
                ServeSpeed.load(predict(), List.of(new byte[] {7, 7}), 1, java.time.Duration.ofMillis(200));
        assertEquals(0, refused.requests());
        assertEquals(received.size() - ok.requests(), refused.failures());
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsAnError() throws IOException {
        URI nothing = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/nothing");
        try (ServeSpeed.Connection connection = new ServeSpeed.Connection(nothing)) {
            assertThrows(
                    IOException.class, () -> connection.exchange(ServeSpeed.Connection.post(nothing, new byte[] {1})));
        }
    }
}
