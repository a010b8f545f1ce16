package dev.digits.train;

/** How the learning rate changes over a run; a function of the step alone, so a resumed run follows it exactly. */
public enum Schedule {
    /** The same rate throughout (the original recipe). */
    CONSTANT,
    /** Cosine decay from the base rate to zero over all steps of the run. */
    COSINE,
    /**
     * One cycle (Smith's super-convergence, as PyTorch's OneCycleLR): warm up from a 25th of the base
     * rate to the base rate over the first 30% of steps, then anneal to almost zero, both along a cosine.
     */
    ONE_CYCLE;

    private static final double WARM_UP = 0.3;
    private static final double START_DIVISOR = 25;
    private static final double END_DIVISOR = 25 * 1e4;

    /** The name users write: {@code constant}, {@code cosine}, {@code one-cycle}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Schedule byName(String name) {
        for (Schedule s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + name + "'; choose constant, cosine or one-cycle");
    }

    /** The rate for update {@code step} (1-based) of {@code totalSteps}. */
    public double rate(double base, int step, int totalSteps) {
        if (this == CONSTANT) {
            return base;
        }
        double progress = Math.min(1.0, (step - 1) / (double) totalSteps);
        if (this == COSINE) {
            return cosine(base, 0, progress);
        }
        return progress < WARM_UP
                ? cosine(base / START_DIVISOR, base, progress / WARM_UP)
                : cosine(base, base / END_DIVISOR, (progress - WARM_UP) / (1 - WARM_UP));
    }

    /** From {@code from} at 0 to {@code to} at 1 along half a cosine. */
    private static double cosine(double from, double to, double progress) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
