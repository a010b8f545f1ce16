package dev.digits.train;

/** How the learning rate changes over a run; a function of the step alone, so a resumed run follows it exactly. */
public enum Schedule {
    /** The same rate throughout (the original recipe). */
    CONSTANT,
    /** Cosine decay from the base rate to zero over all steps of the run. */
    COSINE;

    /** The rate for update {@code step} (1-based) of {@code totalSteps}. */
    public double rate(double base, int step, int totalSteps) {
        if (this == CONSTANT) {
            return base;
        }
        double progress = Math.min(1.0, (step - 1) / (double) totalSteps);
        return base * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
