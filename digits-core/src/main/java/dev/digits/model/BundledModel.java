package dev.digits.model;

import dev.digits.DigitsException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The models shipped inside the jar (trained by {@code digits train}; each card says with which
 * command), so that recognition works without training first.
 */
public enum BundledModel {
    /** Reads digits: the default model of every command, the API and the web page. */
    READER("/dev/digits/bundled/"),
    /**
     * Decides where touching digits are cut apart when a number is read: trained as the reader, plus
     * pieces that are not one digit (outlier exposure), so it is unsure of a pair read as one wide digit.
     */
    CUTTER("/dev/digits/bundled-cutter/");

    private final String directory;

    BundledModel(String directory) {
        this.directory = directory;
    }

    public ModelCard card() {
        try (InputStream in = open(ModelDirectory.CARD)) {
            return ModelCardReader.read(in);
        } catch (IOException e) {
            throw new DigitsException(
                    "the bundled model card cannot be read (" + directory + "): " + e.getMessage(), e);
        }
    }

    public Classifier load() {
        Classifier classifier = Classifier.create(Architectures.byName(card().architecture()), 0);
        try (InputStream in = new BufferedInputStream(open(ModelDirectory.PARAMETERS))) {
            classifier.readParameters(in);
            return classifier;
        } catch (IOException | ai.djl.MalformedModelException e) {
            classifier.close();
            throw new DigitsException("the bundled model cannot be loaded (" + directory + "): " + e.getMessage(), e);
        }
    }

    private InputStream open(String name) {
        InputStream in = BundledModel.class.getResourceAsStream(directory + name);
        if (in == null) {
            throw new DigitsException("the bundled model is missing from the classpath (" + directory + name
                    + "); pass a model directory instead");
        }
        return in;
    }
}
