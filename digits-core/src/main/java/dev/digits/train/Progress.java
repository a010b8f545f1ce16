package dev.digits.train;

/** Hears about a run as it goes; the command line shows it, tests ignore it. */
public interface Progress {
    Progress SILENT = new Progress() {};

    default void epochStarted(int epoch, int epochs, int steps) {}

    default void stepFinished(double runningLoss, double runningAccuracy) {}

    default void epochFinished(EpochStats stats, int epochs) {}
}
