package dev.digits.handwriting;

import java.util.SplittableRandom;

/**
 * How a digit is drawn on a square canvas, as the web page draws strokes: round caps and joins, one
 * width, light on dark (the page's own canvas) or dark on light (an app with a white canvas).
 *
 * @param canvas side of the canvas in pixels
 * @param width stroke width in pixels
 * @param lightOnDark white ink on black, else black on white
 * @param size the digit's longer side as a fraction of the canvas
 * @param dx horizontal offset of the digit's centre from the canvas centre, as a fraction of the canvas
 * @param dy vertical offset, likewise
 */
public record Pen(int canvas, float width, boolean lightOnDark, double size, double dx, double dy) {
    /** The web page's canvas side. */
    public static final int PAGE_CANVAS = 400;
    /** Stroke widths the page offers, 1..50, and its default. */
    public static final int PAGE_MIN_WIDTH = 1;

    public static final int PAGE_MAX_WIDTH = 50;
    public static final int PAGE_DEFAULT_WIDTH = 25;
    /** Widths of the pens that the benchmark cycles through: thin, medium, the page's default, a marker. */
    static final float[] BENCH_WIDTHS = {4, 12, PAGE_DEFAULT_WIDTH, 40};

    /** The pen the benchmark uses for sample {@code index}: every width with both polarities in turn, size and place at random. */
    public static Pen forBenchmark(int index, SplittableRandom random) {
        float width = BENCH_WIDTHS[index % BENCH_WIDTHS.length];
        boolean lightOnDark = (index / BENCH_WIDTHS.length) % 2 == 0;
        return random(width, lightOnDark, random);
    }

    /** A pen of any width the page offers (thin ones favoured less than in use), either polarity. */
    public static Pen forTraining(SplittableRandom random) {
        float width = (float)
                (PAGE_MIN_WIDTH + 2 + Math.pow(random.nextDouble(), 1.3) * (PAGE_MAX_WIDTH - PAGE_MIN_WIDTH - 2));
        return random(width, random.nextBoolean(), random);
    }

    private static Pen random(float width, boolean lightOnDark, SplittableRandom random) {
        double size = 0.35 + 0.5 * random.nextDouble();
        double room = (1 - size) / 2 * 0.9;
        return new Pen(
                PAGE_CANVAS,
                width,
                lightOnDark,
                size,
                (random.nextDouble() * 2 - 1) * room,
                (random.nextDouble() * 2 - 1) * room);
    }
}
