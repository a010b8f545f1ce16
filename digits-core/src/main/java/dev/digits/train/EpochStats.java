package dev.digits.train;

/** One epoch of training: running averages over the epoch's training batches, then validation after it. */
public record EpochStats(
        int epoch,
        double trainLoss,
        double trainAccuracy,
        double validationLoss,
        double validationAccuracy,
        double seconds) {}
