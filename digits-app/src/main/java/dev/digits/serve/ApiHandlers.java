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

    /** Labels people may send: a digit, or the digits of a number. */
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[0-9]{1,20}");

    private final Models models;
    private final ImageDecoder decoder;
    private final String reportUrl;
    private final Metrics metrics;
    private final Feedback feedback;

    ApiHandlers(Models models, ImageDecoder decoder, String reportUrl, Metrics metrics, Feedback feedback) {
        this.models = models;
        this.feedback = feedback;
        this.decoder = decoder;
        this.reportUrl = reportUrl;
        this.metrics = metrics;
    }

    void predict(Context ctx) {
        DigitRecognizer recognizer = models.get(ctx.queryParam("model"));
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
        DigitRecognizer recognizer = models.get(ctx.queryParam("model"));
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
        DigitRecognizer recognizer = models.get(ctx.queryParam("model"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", recognizer.card());
        body.put("report", recognizer == models.get(null) ? reportUrl : null);
        body.put("feedback", feedback != null);
        ctx.json(body);
    }

    /** Every model with its card, the default first. */
    void models(Context ctx) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        models.byName().forEach((name, recognizer) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("default", name.equals(models.defaultName()));
            entry.put("card", recognizer.card());
            list.add(entry);
        });
        ctx.json(Map.of("models", list, "feedback", feedback != null));
    }

    /** A correction: the image as the page sent it, and the digit (or number) it really is. */
    void feedback(Context ctx) {
        if (feedback == null) {
            throw new ApiError(
                    404,
                    "feedback is off",
                    "this server keeps no corrections; start it with digits serve --feedback DIR");
        }
        String label = ctx.queryParam("label");
        if (label == null || !LABEL.matcher(label).matches()) {
            throw new ApiError(
                    400, "bad label", "send ?label= with the digit or number the image really shows, such as ?label=7");
        }
        ImageInput input = ImageInput.from(ctx, decoder);
        if (input.image() == null) {
            throw new ApiError(400, "wrong JSON shape", "/api/v1/feedback takes an image, not prepared pixels");
        }
        ctx.status(201).json(Map.of("saved", feedback.save(input.image(), label), "label", label));
    }

    /** Liveness: the process answers. */
    void health(Context ctx) {
        ctx.json(Map.of("status", "ok", "model", models.defaultName()));
    }

    /** Readiness: the model is loaded and answers (the server starts only after loading it). */
    void ready(Context ctx) {
        ctx.json(Map.of("status", "ready", "models", List.copyOf(models.byName().keySet())));
    }

    private static ApiError emptyCanvas() {
        return new ApiError(
                422,
                "no digit found",
                "the image has no ink once background and specks are removed (an empty canvas?), or the prepared pixels are all background");
    }
}
