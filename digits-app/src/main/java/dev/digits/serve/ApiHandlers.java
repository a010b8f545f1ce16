package dev.digits.serve;

import dev.digits.image.Box;
import dev.digits.image.ImageDecoder;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.NoDigitFoundException;
import dev.digits.recognize.Prediction;
import dev.digits.recognize.Reading;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's handlers: each translates HTTP to a {@link DigitRecognizer} call and its result to JSON. */
final class ApiHandlers {
    /** {@code POST /api/v1/predict} answers this. */
    record PredictResponse(
            int digit,
            float confidence,
            boolean sure,
            String unsureBecause,
            float[] probabilities,
            float[] preprocessed) {}

    /** One digit of a {@code POST /api/v1/read} answer. */
    record DigitResponse(
            Box box, int digit, float confidence, boolean sure, float[] probabilities, float[] preprocessed) {}

    record ReadResponse(String text, List<DigitResponse> digits) {}

    private final DigitRecognizer recognizer;
    private final ImageDecoder decoder;
    private final String reportUrl;
    private final Metrics metrics;

    ApiHandlers(DigitRecognizer recognizer, ImageDecoder decoder, String reportUrl, Metrics metrics) {
        this.recognizer = recognizer;
        this.decoder = decoder;
        this.reportUrl = reportUrl;
        this.metrics = metrics;
    }

    void predict(Context ctx) {
        ImageInput input = ImageInput.from(ctx, decoder);
        Prediction p;
        try {
            p = input.pixels() != null ? recognizer.predict(input.pixels()) : recognizer.predict(input.image());
        } catch (NoDigitFoundException e) {
            throw emptyCanvas();
        }
        metrics.answer(p);
        ctx.json(new PredictResponse(
                p.digit(), p.confidence(), p.sure(), p.unsureBecause(), p.probabilities(), p.input()));
    }

    void read(Context ctx) {
        ImageInput input = ImageInput.from(ctx, decoder);
        if (input.image() == null) {
            throw new ApiError(
                    400, "wrong JSON shape", "/api/v1/read takes an image (bytes or a data URL), not prepared pixels");
        }
        Reading reading = recognizer.read(input.image());
        if (reading.isEmpty()) {
            throw emptyCanvas();
        }
        reading.digits().forEach(d -> metrics.answer(d.prediction()));
        ctx.json(new ReadResponse(
                reading.text(),
                reading.digits().stream()
                        .map(d -> new DigitResponse(
                                d.box(),
                                d.prediction().digit(),
                                d.prediction().confidence(),
                                d.prediction().sure(),
                                d.prediction().probabilities(),
                                d.prediction().input()))
                        .toList()));
    }

    void model(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", recognizer.card());
        body.put("report", reportUrl);
        ctx.json(body);
    }

    /** Liveness: the process answers. */
    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", recognizer.card().name()));
    }

    /** Readiness: the model is loaded and answers (the server starts only after loading it). */
    void ready(Context ctx) {
        ctx.json(Map.of("status", "ready", "model", recognizer.card().name()));
    }

    private static ApiError emptyCanvas() {
        return new ApiError(
                422,
                "no digit found",
                "the image has no ink once background and specks are removed (an empty canvas?), or the prepared pixels are all background");
    }
}
