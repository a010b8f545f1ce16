package dev.digits.image.samples;

import dev.digits.data.DigitSet;
import dev.digits.image.FloatImage;
import java.util.SplittableRandom;

/**
 * Set (a): one digit drawn on a 400x400 black canvas in white, as in a drawing app: anywhere from
 * small to nearly filling the canvas, anywhere on it, with a pen from thinner to much thicker than
 * MNIST's.
 */
public final class CanvasSet implements SampleSet {
    public static final int SIDE = 400;
    private static final int MIN_HEIGHT = 60;
    private static final int MAX_HEIGHT = 360;
    /** Stroke change per side, in MNIST pixels (MNIST strokes are about 2-3 pixels wide). */
    private static final double THINNEST = -0.5;

    private static final double THICKEST = 1.0;

    private final DigitRenderer renderer;
    private final long seed;

    public CanvasSet(DigitSet testDigits, long seed) {
        this.renderer = new DigitRenderer(testDigits);
        this.seed = seed;
    }

    @Override
    public String name() {
        return "canvas";
    }

    @Override
    public SampleImage sample(int index) {
        SplittableRandom random = SampleSet.random(seed, index);
        int source = random.nextInt(renderer.size());
        int height = random.nextInt(MIN_HEIGHT, MAX_HEIGHT + 1);
        FloatImage ink = renderer.render(source, height, random.nextDouble(THINNEST, THICKEST));
        if (ink.width() > SIDE || ink.height() > SIDE) { // a very wide digit drawn large
            ink = Canvas.fitWithin(ink, SIDE, SIDE);
        }
        int left = random.nextInt(SIDE - ink.width() + 1);
        int top = random.nextInt(SIDE - ink.height() + 1);
        FloatImage canvas = FloatImage.blank(SIDE, SIDE);
        Canvas.drawMax(canvas, ink, left, top);
        return new SampleImage(String.valueOf(renderer.label(source)), new int[] {source}, Canvas.toGrey(canvas), null);
    }
}
