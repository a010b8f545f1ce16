package dev.digits.serve;

import dev.digits.recognize.Prediction;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What operators watch, at {@code /metrics} in Prometheus's text format: requests by route and status,
 * their latency, and the answers given by digit and sureness. Routes are the API's own, everything
 * else one label, so that no request can add a time series.
 */
final class Metrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    /** The API's paths ({@link DigitsServer#API_ROUTES} without their methods) and the page. */
    private static final Set<String> ROUTES = Stream.concat(
                    DigitsServer.API_ROUTES.stream().map(route -> route.substring(route.indexOf(' ') + 1)),
                    Stream.of("/"))
            .collect(Collectors.toUnmodifiableSet());

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("digits_http_requests")
            .help("HTTP requests answered, by method, route and status")
            .labelNames("method", "route", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder()
            .name("digits_http_request_duration_seconds")
            .help("Time to answer an HTTP request, by route")
            .labelNames("route")
            .classicOnly()
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
            .register(registry);
    private final Counter answers = Counter.builder()
            .name("digits_answers")
            .help("Digits answered (one per digit of a read number), by digit and whether the reader was sure")
            .labelNames("digit", "sure")
            .register(registry);

    void request(Context ctx, float millis) {
        String route = ROUTES.contains(ctx.path()) ? ctx.path() : "other";
        requests.labelValues(
                        ctx.method().name(), route, String.valueOf(ctx.status().getCode()))
                .inc();
        latency.labelValues(route).observe(millis / 1000.0);
    }

    void answer(Prediction prediction) {
        answers.labelValues(String.valueOf(prediction.digit()), String.valueOf(prediction.sure()))
                .inc();
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
