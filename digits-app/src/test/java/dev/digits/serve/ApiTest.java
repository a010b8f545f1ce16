package dev.digits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.TestData;
import dev.digits.TestImages;
import dev.digits.data.DigitSet;
import dev.digits.io.Json;
import dev.digits.recognize.DigitRecognizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The REST API over real HTTP on loopback, with the bundled model. */
class ApiTest {
    private static final long BODY_LIMIT = 200_000;
    private static final long PIXEL_LIMIT = 4_000_000;
    private static DigitRecognizer recognizer;
    private static DigitsServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        recognizer = DigitRecognizer.load();
        server = new DigitsServer(
                        recognizer, DigitsServer.Options.on("127.0.0.1", 0).withLimits(BODY_LIMIT, PIXEL_LIMIT))
                .start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        recognizer.close();
    }

    record Answer(int status, JsonNode json) {}

    private static Answer post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return post(server.port(), path, contentType, body);
    }

    private static Answer post(int port, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
    }

    /** A request that declares a {@code Content-Length} and sends no body, over a plain socket. */
    private static Answer postHeadersOnly(String path, String contentType, long declaredLength) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            // The JSON object, whether it came whole or as one chunk (Jetty writes an answer this short in one piece).
            return new Answer(
                    status, Json.MAPPER.readTree(body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1)));
        }
    }

    private static Answer get(String path) throws IOException, InterruptedException {
        return get(server.port(), path);
    }

    private static Answer get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = fetch(port, path, null);
        return new Answer(response.statusCode(), Json.MAPPER.readTree(response.body()));
    }

    /** {@code GET path} as it comes, sent from a page of {@code origin} (null: no Origin header). */
    private static HttpResponse<String> fetch(int port, String path, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(Answer answer, int status, String error) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals(error, answer.json().get("error").asText(), answer.json().toString());
        assertTrue(answer.json().get("detail").asText().length() > 10, "a detail says what to do: " + answer.json());
    }

    @Test
    void predictsAnUploadedPng() throws Exception {
        Answer answer = post("/api/v1/predict", "image/png", TestImages.png(TestImages.digits(8, 0)));
        assertEquals(200, answer.status());
        assertEquals(TestImages.label(0), answer.json().get("digit").asInt());
        assertEquals(10, answer.json().get("probabilities").size());
        assertEquals(784, answer.json().get("preprocessed").size());
        assertTrue(answer.json().get("confidence").asDouble() > 0.9);
        assertTrue(answer.json().get("sure").asBoolean(), "a clear digit read with confidence is sure");
    }

    @Test
    void blankPreparedPixelsAreNoDigit() throws Exception {
        Answer answer = post(
                "/api/v1/predict",
                "application/json",
                Json.writeLine(Map.of("pixels", new float[DigitSet.PIXELS])).getBytes(StandardCharsets.UTF_8));
        assertEquals(422, answer.status(), answer.json().toString());
        assertEquals("no digit found", answer.json().get("error").asText());
    }

    @Test
    void predictsPreparedPixelsAndDataUrls() throws Exception {
        float[] pixels = new float[DigitSet.PIXELS];
        for (int p = 0; p < pixels.length; p++) {
            pixels[p] = (TestData.mnist().test().pixels()[DigitSet.PIXELS + p] & 0xFF) / 255f;
        }
        Answer fromPixels = post(
                "/api/v1/predict",
                "application/json",
                Json.writeLine(Map.of("pixels", pixels)).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, fromPixels.status(), fromPixels.json().toString());
        assertEquals(TestImages.label(1), fromPixels.json().get("digit").asInt());

        String dataUrl =
                "data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(TestImages.digits(6, 2)));
        Answer fromDataUrl = post(
                "/api/v1/predict",
                "application/json; charset=utf-8",
                Json.writeLine(Map.of("image", dataUrl)).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, fromDataUrl.status(), fromDataUrl.json().toString());
        assertEquals(TestImages.label(2), fromDataUrl.json().get("digit").asInt());
    }

    @Test
    void readsANumber() throws Exception {
        Answer answer = post("/api/v1/read", "image/png", TestImages.png(TestImages.digits(5, 1, 2, 0)));
        assertEquals(200, answer.status(), answer.json().toString());
        String expected = "" + TestImages.label(1) + TestImages.label(2) + TestImages.label(0);
        assertEquals(expected, answer.json().get("text").asText());
        JsonNode first = answer.json().get("digits").get(0);
        assertEquals(Set.of("x", "y", "width", "height"), fieldNames(first.get("box")));
        assertEquals(10, first.get("probabilities").size());
        assertEquals(784, first.get("preprocessed").size());
    }

    @Test
    void describesTheModelAndIsHealthy() throws Exception {
        Answer model = get("/api/v1/model");
        assertEquals(200, model.status());
        assertEquals(
                recognizer.card().name(), model.json().get("card").get("name").asText());
        assertTrue(model.json().get("card").get("metrics").get("test_accuracy").asDouble() > 0.99);
        assertEquals(
                "/report/report.html", model.json().get("report").asText(), "the bundled model's report is served");
        HttpResponse<String> report = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/report/report.html"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, report.statusCode());
        assertTrue(report.body().contains("digits-bundled"), "the report is the bundled model's");
        assertEquals("ok", get("/health").json().get("status").asText());
        Answer ready = get("/health/ready");
        assertEquals(200, ready.status());
        assertEquals("ready", ready.json().get("status").asText());
    }

    @Test
    void countsRequestsLatencyAndAnswersForPrometheus() throws Exception {
        int digit = TestImages.label(3);
        assertEquals(
                200,
                post("/api/v1/predict", "image/png", TestImages.png(TestImages.digits(8, 3)))
                        .status());
        assertEquals(
                400, post("/api/v1/predict", "image/png", new byte[] {1, 2, 3}).status());
        HttpResponse<String> metrics = fetch(server.port(), "/metrics", null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        String text = metrics.body();
        // Other tests share the server: counts are at least this test's own.
        assertTrue(
                counter(text, "digits_http_requests_total{method=\"POST\",route=\"/api/v1/predict\",status=\"200\"}")
                        >= 1,
                text);
        assertTrue(
                counter(text, "digits_http_requests_total{method=\"POST\",route=\"/api/v1/predict\",status=\"400\"}")
                        >= 1,
                text);
        assertTrue(counter(text, "digits_answers_total{digit=\"" + digit + "\",sure=\"true\"}") >= 1, text);
        assertTrue(
                text.contains("digits_http_request_duration_seconds_bucket{route=\"/api/v1/predict\",le=\"0.1\"}"),
                text);
        fetch(server.port(), "/nowhere", null);
        String after = fetch(server.port(), "/metrics", null).body();
        assertTrue(after.contains("route=\"other\",status=\"404\"") && !after.contains("/nowhere"), after);
    }

    private static double counter(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst()
                .orElse(0);
    }

    /** A second model directory: the bundled cutting network under its own card. */
    static java.nio.file.Path cutterDirectory() throws IOException {
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("cutter-model");
        try (dev.digits.model.Classifier cutter = dev.digits.model.BundledModel.CUTTER.load()) {
            dev.digits.model.ModelDirectory.save(directory, cutter, dev.digits.model.BundledModel.CUTTER.card());
        }
        return directory;
    }

    @Test
    void servesSeveralModelsPickedByName() throws Exception {
        try (DigitRecognizer cutter = DigitRecognizer.load(cutterDirectory())) {
            DigitsServer both =
                    new DigitsServer(List.of(recognizer, cutter), DigitsServer.Options.on("127.0.0.1", 0)).start();
            try {
                JsonNode models = get(both.port(), "/api/v1/models").json();
                assertEquals(2, models.get("models").size());
                assertEquals(
                        "digits-bundled",
                        models.get("models").get(0).get("name").asText());
                assertTrue(models.get("models").get(0).get("default").asBoolean());
                assertEquals(
                        "digits-bundled-cutter",
                        models.get("models").get(1).get("card").get("name").asText());
                assertTrue(!models.get("feedback").asBoolean(), "feedback is off unless asked for");
                byte[] image = TestImages.png(TestImages.digits(8, 0));
                for (String query : List.of("", "?model=digits-bundled", "?model=digits-bundled-cutter")) {
                    Answer answer = post(both.port(), "/api/v1/predict" + query, "image/png", image);
                    assertEquals(200, answer.status(), query + ": " + answer.json());
                    assertEquals(TestImages.label(0), answer.json().get("digit").asInt());
                }
                JsonNode card = get(both.port(), "/api/v1/model?model=digits-bundled-cutter")
                        .json();
                assertEquals(
                        "digits-bundled-cutter", card.get("card").get("name").asText());
                assertError(post(both.port(), "/api/v1/predict?model=nope", "image/png", image), 404, "unknown model");
            } finally {
                both.stop();
            }
        }
    }

    @Test
    void feedbackIsKeptAsPngsAndLabelsUpToItsLimit() throws Exception {
        byte[] image = TestImages.png(TestImages.digits(6, 1));
        assertError(post("/api/v1/feedback?label=7", "image/png", image), 404, "feedback is off");
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("feedback");
        DigitsServer keeping = new DigitsServer(
                        recognizer, DigitsServer.Options.on("127.0.0.1", 0).withFeedback(directory, 2))
                .start();
        try {
            int port = keeping.port();
            assertEquals(400, post(port, "/api/v1/feedback", "image/png", image).status(), "a label is needed");
            assertEquals(
                    400,
                    post(port, "/api/v1/feedback?label=seven", "image/png", image)
                            .status(),
                    "a label is digits");
            Answer kept = post(port, "/api/v1/feedback?label=7", "image/png", image);
            assertEquals(201, kept.status(), kept.json().toString());
            String file = kept.json().get("saved").asText();
            assertEquals(
                    201,
                    post(port, "/api/v1/feedback?label=42", "image/png", image).status());
            assertError(post(port, "/api/v1/feedback?label=1", "image/png", image), 507, "feedback is full");
            assertEquals(
                    List.of("file,label", file + ",7", "000002-42.png,42"),
                    java.nio.file.Files.readAllLines(directory.resolve("labels.csv")));
            java.awt.image.BufferedImage saved =
                    javax.imageio.ImageIO.read(directory.resolve(file).toFile());
            assertEquals(TestImages.digits(6, 1).getWidth(), saved.getWidth(), "the image as sent, as a PNG");
        } finally {
            keeping.stop();
        }
    }

    @Test
    void crossOriginCallsOnlyFromTheOriginsGiven() throws Exception {
        DigitsServer open = new DigitsServer(
                        recognizer, DigitsServer.Options.on("127.0.0.1", 0).withCors(List.of("https://example.org")))
                .start();
        try {
            for (int port : new int[] {server.port(), open.port()}) {
                HttpResponse<String> response = fetch(port, "/api/v1/model", "https://example.org");
                assertEquals(200, response.statusCode());
                assertEquals(
                        port == open.port() ? "https://example.org" : "none",
                        response.headers()
                                .firstValue("Access-Control-Allow-Origin")
                                .orElse("none"),
                        "port " + port);
            }
            HttpResponse<String> other = fetch(open.port(), "/api/v1/model", "https://elsewhere.example");
            assertEquals(
                    "none",
                    other.headers().firstValue("Access-Control-Allow-Origin").orElse("none"));
        } finally {
            open.stop();
        }
    }

    @Test
    void refusesWhatItCannotUse() throws Exception {
        byte[] png = TestImages.png(TestImages.digits(4, 0));
        assertError(
                post("/api/v1/predict", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)),
                415,
                "unsupported media type");
        assertError(post("/api/v1/predict", null, png), 415, "unsupported media type");
        assertError(
                post("/api/v1/predict", "image/png", "not a png".getBytes(StandardCharsets.UTF_8)),
                400,
                "undecodable image");
        assertError(
                post("/api/v1/predict", "application/json", "{\"pixels\": [0.5, 1]}".getBytes(StandardCharsets.UTF_8)),
                400,
                "wrong JSON shape");
        assertError(
                post(
                        "/api/v1/predict",
                        "application/json",
                        "{\"image\": \"http://example.com/x.png\"}".getBytes(StandardCharsets.UTF_8)),
                400,
                "wrong JSON shape");
        assertError(
                post("/api/v1/predict", "application/json", "{\"colour\": 3}".getBytes(StandardCharsets.UTF_8)),
                400,
                "wrong JSON shape");
        assertError(
                post("/api/v1/predict", "application/json", "{\"pixels\": [".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid JSON");
        assertError(
                post(
                        "/api/v1/read",
                        "application/json",
                        Json.writeLine(Map.of("pixels", new float[784])).getBytes(StandardCharsets.UTF_8)),
                400,
                "wrong JSON shape");
        BufferedImage blank = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        assertError(post("/api/v1/predict", "image/png", TestImages.png(blank)), 422, "no digit found");
        assertError(post("/api/v1/read", "image/png", TestImages.png(blank)), 422, "no digit found");
    }

    @Test
    void refusesLargeBodiesAndDecompressionBombs() throws Exception {
        // Refused from the declared length alone: the client sends no body byte and still gets the answer.
        // (Sending the body too races the server's close: the client may see a reset instead of the 413.)
        Answer tooLong = postHeadersOnly("/api/v1/predict", "image/png", BODY_LIMIT + 1);
        assertError(tooLong, 413, "body too large");
        assertTrue(
                tooLong.json().get("detail").asText().contains("--max-body-bytes"),
                tooLong.json().toString());
        // A 67-byte PNG whose header declares 50,000 x 50,000 pixels: refused from the header, nothing decoded.
        Answer bomb = post("/api/v1/predict", "image/png", pngHeaderOnly(50_000, 50_000));
        assertError(bomb, 413, "image too large");
        assertTrue(
                bomb.json().get("detail").asText().contains("2,500,000,000 pixels"),
                bomb.json().toString());
    }

    @Test
    void openApiDocumentsExactlyTheRoutes() throws Exception {
        JsonNode paths = get("/openapi.json").json().get("paths");
        Set<String> documented = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey()));
        }
        assertEquals(new HashSet<>(DigitsServer.API_ROUTES), documented);
    }

    @Test
    void servesTwoHundredConcurrentRequests() throws Exception {
        int[] indices = {0, 1, 2, 3, 4, 5, 6, 7};
        List<byte[]> images = new ArrayList<>();
        for (int index : indices) {
            images.add(TestImages.png(TestImages.digits(6, index)));
        }
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                byte[] image = images.get(i % images.size());
                answers.add(clients.submit(() -> post("/api/v1/predict", "image/png", image)));
            }
            for (int i = 0; i < answers.size(); i++) {
                Answer answer = answers.get(i).get();
                assertEquals(200, answer.status(), "request " + i + ": " + answer.json());
                assertEquals(
                        TestImages.label(indices[i % indices.length]),
                        answer.json().get("digit").asInt(),
                        "request " + i);
            }
        } finally {
            clients.shutdown();
        }
    }

    @Test
    void requestsInFlightFinishWhenTheServerStops() throws Exception {
        DigitsServer stopping = new DigitsServer(recognizer, DigitsServer.Options.on("127.0.0.1", 0)).start();
        byte[] large = TestImages.png(TestImages.digits(60, 0, 1, 2)); // 5,440 x 1,840 pixels: a second or so of work
        URI uri = URI.create("http://127.0.0.1:" + stopping.port() + "/api/v1/read");
        var answer = http.sendAsync(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(large))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(300); // the request is being processed
        long start = System.nanoTime();
        stopping.stop();
        HttpResponse<String> response = answer.get();
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                "" + TestImages.label(0) + TestImages.label(1) + TestImages.label(2),
                Json.MAPPER.readTree(response.body()).get("text").asText());
        assertTrue((System.nanoTime() - start) / 1e9 < 6, "stop waits at most the stop timeout");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A PNG signature and an IHDR chunk declaring the size, then IEND: a valid header, no pixel data. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit greyscale, deflate, no filter, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        out.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
