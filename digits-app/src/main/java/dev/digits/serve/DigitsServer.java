package dev.digits.serve;

import dev.digits.image.ImageDecoder;
import dev.digits.io.Json;
import dev.digits.recognize.DigitRecognizer;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web app and REST API: every route is registered here, on one screen. */
public final class DigitsServer {
    private static final Logger log = LoggerFactory.getLogger(DigitsServer.class);
    /** Routes of the API, as documented in {@code /openapi.json} (a test holds the two together). */
    public static final List<String> API_ROUTES = List.of(
            "POST /api/v1/predict",
            "POST /api/v1/read",
            "GET /api/v1/model",
            "GET /api/v1/models",
            "POST /api/v1/feedback",
            "GET /health",
            "GET /health/ready",
            "GET /metrics");

    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final String BUNDLED_REPORT = "/dev/digits/bundled/report";

    /**
     * How the server runs. Start from {@link #on(String, int)}: the default limits, the bundled model's
     * report, no cross-origin access.
     *
     * @param maxBodyBytes requests with a larger body are refused with 413
     * @param maxPixels images whose header declares more pixels are refused with 413, before decoding
     * @param reportDirectory a training report to serve at /report/: a directory, or null for the
     *     bundled model's report (inside the jar)
     * @param corsOrigins origins whose pages may call the API from a browser ({@code *}: any); none by default
     * @param feedbackDirectory where corrections sent to {@code /api/v1/feedback} are kept, or null: off
     * @param feedbackLimit how many corrections the directory may hold
     */
    public record Options(
            String host,
            int port,
            long maxBodyBytes,
            long maxPixels,
            Path reportDirectory,
            List<String> corsOrigins,
            Path feedbackDirectory,
            int feedbackLimit) {
        public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;
        /** Half of what the library reads by default ({@link ImageDecoder#DEFAULT_MAX_PIXELS}): a server keeps several in flight. */
        public static final long DEFAULT_MAX_PIXELS = ImageDecoder.DEFAULT_MAX_PIXELS / 2;
        /** Corrections kept at most: about 40 MB of canvas drawings. */
        public static final int DEFAULT_FEEDBACK_LIMIT = 10_000;

        public Options {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 (any free port) to 65535, got " + port);
            }
            if (maxBodyBytes <= 0 || maxPixels <= 0) {
                throw new IllegalArgumentException("the body and pixel limits must be positive, got " + maxBodyBytes
                        + " bytes and " + maxPixels + " pixels");
            }
            corsOrigins = List.copyOf(corsOrigins);
            if (feedbackLimit <= 0) {
                throw new IllegalArgumentException("the feedback limit must be positive, got " + feedbackLimit);
            }
        }

        /** Listening on {@code host}:{@code port} (0: any free port), everything else by default. */
        public static Options on(String host, int port) {
            return new Options(
                    host,
                    port,
                    DEFAULT_MAX_BODY_BYTES,
                    DEFAULT_MAX_PIXELS,
                    null,
                    List.of(),
                    null,
                    DEFAULT_FEEDBACK_LIMIT);
        }

        public Options withLimits(long newMaxBodyBytes, long newMaxPixels) {
            return new Options(
                    host,
                    port,
                    newMaxBodyBytes,
                    newMaxPixels,
                    reportDirectory,
                    corsOrigins,
                    feedbackDirectory,
                    feedbackLimit);
        }

        public Options withReport(Path newReportDirectory) {
            return new Options(
                    host,
                    port,
                    maxBodyBytes,
                    maxPixels,
                    newReportDirectory,
                    corsOrigins,
                    feedbackDirectory,
                    feedbackLimit);
        }

        public Options withCors(List<String> newCorsOrigins) {
            return new Options(
                    host,
                    port,
                    maxBodyBytes,
                    maxPixels,
                    reportDirectory,
                    newCorsOrigins,
                    feedbackDirectory,
                    feedbackLimit);
        }

        /** Keeps corrections in {@code directory} (null: off), at most {@code limit} of them. */
        public Options withFeedback(Path directory, int limit) {
            return new Options(host, port, maxBodyBytes, maxPixels, reportDirectory, corsOrigins, directory, limit);
        }
    }

    private final Javalin app;

    /** A server of one model. */
    public DigitsServer(DigitRecognizer recognizer, Options options) {
        this(List.of(recognizer), options);
    }

    /**
     * A server of several models, picked per request by {@code ?model=NAME} (their cards' names); the
     * first answers requests that name none. The caller owns the recognizers and closes them.
     */
    public DigitsServer(List<DigitRecognizer> recognizers, Options options) {
        boolean hasReport = options.reportDirectory() == null
                ? DigitsServer.class.getResource(BUNDLED_REPORT + "/report.html") != null
                : Files.isRegularFile(options.reportDirectory().resolve("report.html"));
        Metrics metrics = new Metrics();
        Feedback feedback = options.feedbackDirectory() == null
                ? null
                : new Feedback(options.feedbackDirectory(), options.feedbackLimit());
        ApiHandlers api = new ApiHandlers(
                Models.of(recognizers),
                new ImageDecoder(options.maxPixels()),
                hasReport ? "/report/report.html" : null,
                metrics,
                feedback);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.jetty.host = options.host();
            c.jetty.port = options.port();
            // With a stop timeout Jetty lets requests in flight finish on stop (a test cuts one off without it).
            c.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT_MILLIS));
            c.http.maxRequestSize = options.maxBodyBytes();
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.staticFiles.add("/web", Location.CLASSPATH);
            c.staticFiles.enableWebjars();
            if (hasReport) {
                c.staticFiles.add(s -> {
                    s.hostedPath = "/report";
                    s.directory = options.reportDirectory() == null
                            ? BUNDLED_REPORT
                            : options.reportDirectory().toAbsolutePath().toString();
                    s.location = options.reportDirectory() == null ? Location.CLASSPATH : Location.EXTERNAL;
                });
            }
            c.requestLogger.http((ctx, millis) -> {
                log.info(
                        "{} {} {} {} ms", ctx.method(), ctx.path(), ctx.status().getCode(), Math.round(millis));
                metrics.request(ctx, millis);
            });
            if (!options.corsOrigins().isEmpty()) {
                c.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                    if (options.corsOrigins().contains("*")) {
                        rule.anyHost();
                    } else {
                        options.corsOrigins().forEach(rule::allowHost);
                    }
                }));
            }

            c.routes.before("/api/*", ctx -> refuseLargeBodies(ctx.header("Content-Length"), options.maxBodyBytes()));
            c.routes.post("/api/v1/predict", api::predict);
            c.routes.post("/api/v1/read", api::read);
            c.routes.get("/api/v1/model", api::model);
            c.routes.get("/api/v1/models", api::models);
            c.routes.post("/api/v1/feedback", api::feedback);
            c.routes.get("/health", api::health);
            c.routes.get("/health/ready", api::ready);
            c.routes.get(
                    "/metrics", ctx -> ctx.contentType(Metrics.CONTENT_TYPE).result(metrics.scrape()));
            c.routes.get(
                    "/openapi.json",
                    ctx -> ctx.contentType("application/json")
                            .result(DigitsServer.class.getResourceAsStream("/web/openapi.json")));

            c.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status).json(e.body()));
            c.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus())
                            .json(new ApiError.Body(
                                    e.getStatus() == 413 ? "body too large" : "request refused", e.getMessage())));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
                ctx.status(500).json(new ApiError.Body("internal error", e.toString()));
            });
        });
    }

    private static void refuseLargeBodies(String contentLength, long limit) {
        if (contentLength != null && !contentLength.isBlank() && Long.parseLong(contentLength.strip()) > limit) {
            throw new ApiError(
                    413,
                    "body too large",
                    "the body is " + contentLength.strip() + " bytes; the limit is " + limit
                            + " (digits serve --max-body-bytes)");
        }
    }

    public DigitsServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }
}
