package dev.digits.train;

import ai.djl.MalformedModelException;
import dev.digits.model.Classifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The epoch with the best validation accuracy so far (ties: lower loss), with a copy of its parameters. */
record BestEpoch(int epoch, double validationAccuracy, double validationLoss, byte[] parameters) {
    static final BestEpoch NONE = new BestEpoch(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, new byte[0]);

    boolean isBeatenBy(EpochStats stats) {
        return stats.validationAccuracy() > validationAccuracy
                || (stats.validationAccuracy() == validationAccuracy && stats.validationLoss() < validationLoss);
    }

    static BestEpoch of(EpochStats stats, Classifier classifier) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            classifier.writeParameters(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(stats, bytes.toByteArray());
    }

    static BestEpoch of(EpochStats stats, byte[] parameters) {
        return new BestEpoch(stats.epoch(), stats.validationAccuracy(), stats.validationLoss(), parameters);
    }

    void restoreInto(Classifier classifier) {
        try {
            classifier.readParameters(new ByteArrayInputStream(parameters));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("parameters copied in this run cannot be read back", e);
        }
    }
}
