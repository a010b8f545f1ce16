package dev.digits.image.samples;

import dev.digits.data.DigitSet;
import dev.digits.image.Box;
import dev.digits.image.FloatImage;
import java.util.SplittableRandom;

/**
 * Set (c): numbers of 2 to 6 digits written side by side in white on black, one pen per number, digit
 * sizes and baselines varying a little, gaps between the digits' ink from a slight overlap of their
 * boxes (so some digits touch) to a wide space.
 */
public final class NumberSet implements SampleSet {
    private static final int MIN_DIGITS = 2;
    private static final int MAX_DIGITS = 6;
    private static final int MIN_HEIGHT = 50;
    private static final int MAX_HEIGHT = 120;
    /** Gap between neighbouring digits' ink boxes as a fraction of the height: negative overlaps. */
    private static final double MIN_GAP = -0.08;

    private static final double MAX_GAP = 0.4;
    private static final double SIZE_JITTER = 0.1;
    private static final double BASELINE_JITTER = 0.08;
    private static final double MARGIN = 0.5;

    private final DigitRenderer renderer;
    private final long seed;

    public NumberSet(DigitSet testDigits, long seed) {
        this.renderer = new DigitRenderer(testDigits);
        this.seed = seed;
    }

    @Override
    public String name() {
        return "number";
    }

    @Override
    public SampleImage sample(int index) {
        SplittableRandom random = SampleSet.random(seed, index);
        int count = random.nextInt(MIN_DIGITS, MAX_DIGITS + 1);
        int height = random.nextInt(MIN_HEIGHT, MAX_HEIGHT + 1);
        // Thinner than -0.25 breaks MNIST's faintest strokes into dots, which no pen draws.
        double stroke = random.nextDouble(-0.25, 0.8);
        int[] sources = new int[count];
        FloatImage[] inks = new FloatImage[count];
        int[] lefts = new int[count];
        int[] tops = new int[count];
        StringBuilder label = new StringBuilder();
        int margin = (int) Math.round(MARGIN * height);
        int inkRight = margin; // where the previous digit's ink ends
        int right = margin;
        for (int i = 0; i < count; i++) {
            sources[i] = random.nextInt(renderer.size());
            label.append(renderer.label(sources[i]));
            int h = (int) Math.round(height * random.nextDouble(1 - SIZE_JITTER, 1 + SIZE_JITTER));
            inks[i] = renderer.render(sources[i], h, stroke);
            Box ink = inks[i].nonZeroBounds();
            int gap = i == 0 ? 0 : (int) Math.round(height * random.nextDouble(MIN_GAP, MAX_GAP));
            lefts[i] = inkRight + gap - ink.x();
            tops[i] = margin
                    + (int) Math.round(height * random.nextDouble(-BASELINE_JITTER, BASELINE_JITTER))
                    + (height - ink.height()) / 2
                    - ink.y();
            inkRight = lefts[i] + ink.right();
            right = Math.max(right, lefts[i] + inks[i].width());
        }
        FloatImage canvas = FloatImage.blank(Math.max(right, inkRight + margin), height + 2 * margin);
        for (int i = 0; i < count; i++) {
            Canvas.drawMax(canvas, inks[i], lefts[i], tops[i]);
        }
        return new SampleImage(label.toString(), sources, Canvas.toGrey(canvas), null);
    }
}
