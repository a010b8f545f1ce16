package dev.digits.train;

import dev.digits.model.Classifier;

/** The epoch with the best validation accuracy so far (ties: lower loss), with a copy of its parameters. */
record BestEpoch(int epoch, double validationAccuracy, double validationLoss, byte[] parameters) {
    static final BestEpoch NONE = new BestEpoch(0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, new byte[0]);

    boolean isBeatenBy(EpochStats stats) {
        return stats.validationAccuracy() > validationAccuracy
                || (stats.validationAccuracy() == validationAccuracy && stats.validationLoss() < validationLoss);
    }

    static BestEpoch of(EpochStats stats, Classifier classifier) {
        return of(stats, classifier.parameterBytes());
    }

    static BestEpoch of(EpochStats stats, byte[] parameters) {
        return new BestEpoch(stats.epoch(), stats.validationAccuracy(), stats.validationLoss(), parameters);
    }

    void restoreInto(Classifier classifier) {
        classifier.restoreParameterBytes(parameters);
    }
}
