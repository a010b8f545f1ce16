package dev.digits.model;

import dev.digits.DigitsException;
import dev.digits.io.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The model shipped inside the jar (trained by {@code digits train}; its card says with which command),
 * so that recognition works without training first.
 */
public final class BundledModel {
    private static final String DIRECTORY = "/dev/digits/bundled/";

    private BundledModel() {}

    public static ModelCard card() {
        try (InputStream in = open(ModelDirectory.CARD)) {
            return Json.MAPPER.readValue(in, ModelCard.class);
        } catch (IOException e) {
            throw new DigitsException("the bundled model card cannot be read: " + e.getMessage(), e);
        }
    }

    public static Classifier load() {
        Classifier classifier = Classifier.create(Architectures.byName(card().architecture()), 0);
        try (InputStream in = new BufferedInputStream(open(ModelDirectory.PARAMETERS))) {
            classifier.readParameters(in);
            return classifier;
        } catch (IOException | ai.djl.MalformedModelException e) {
            classifier.close();
            throw new DigitsException("the bundled model cannot be loaded: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = BundledModel.class.getResourceAsStream(DIRECTORY + name);
        if (in == null) {
            throw new DigitsException("the bundled model is missing from the classpath (" + DIRECTORY + name
                    + "); pass a model directory instead");
        }
        return in;
    }
}
