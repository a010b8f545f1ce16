package dev.digits.serve;

import dev.digits.recognize.DigitRecognizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models a server answers with, by name; the first is the default. */
record Models(Map<String, DigitRecognizer> byName) {
    /** Each named by its card; a name that comes again gets {@code -2}, {@code -3}, .... */
    static Models of(List<DigitRecognizer> recognizers) {
        if (recognizers.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least one model");
        }
        Map<String, DigitRecognizer> byName = new LinkedHashMap<>();
        for (DigitRecognizer recognizer : recognizers) {
            String name = recognizer.card().name();
            for (int n = 2; byName.containsKey(name); n++) {
                name = recognizer.card().name() + "-" + n;
            }
            byName.put(name, recognizer);
        }
        return new Models(byName);
    }

    String defaultName() {
        return byName.keySet().iterator().next();
    }

    /** The model called {@code name}, or the default for null; 404 for a name no model has. */
    DigitRecognizer get(String name) {
        if (name == null || name.isEmpty()) {
            return byName.get(defaultName());
        }
        DigitRecognizer recognizer = byName.get(name);
        if (recognizer == null) {
            throw new ApiError(
                    404, "unknown model", "no model is called '" + name + "'; this server has " + byName.keySet());
        }
        return recognizer;
    }
}
