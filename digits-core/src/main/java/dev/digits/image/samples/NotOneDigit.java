package dev.digits.image.samples;

import dev.digits.data.DigitSet;
import dev.digits.image.Box;
import dev.digits.image.FloatImage;
import dev.digits.image.MnistFormat;
import dev.digits.image.SegmentationRules;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Pieces of ink that segmentation must not take for one digit, laid out as network inputs: two or three
 * digits touching or overlapping (a piece that needs cutting), one side of a digit cut through its middle
 * (a part of a wrong cut), and a digit with part of its neighbour (a cut in the wrong place). A network
 * trained to be unsure of them (outlier exposure) tells a pair from a wide digit and a part from a whole.
 * They are drawn from the digits given, which should be training digits, so that no test digit is seen.
 */
public final class NotOneDigit {
    /** Digits are drawn this high before the piece is laid out in 28x28: finer than MNIST, as pens on a canvas. */
    private static final int HEIGHT = 40;
    /** Gap between neighbouring digits' ink as a fraction of the height: from deep overlap to just touching. */
    private static final double MIN_GAP = -0.3;

    private static final double MAX_GAP = 0.05;
    private static final double SIZE_JITTER = 0.1;
    private static final double BASELINE_JITTER = 0.08;
    /** Cuts fall in this middle part of a digit, where a wrong cut leaves two substantial parts. */
    private static final double MIN_CUT = 0.3;

    private static final double MAX_CUT = 0.7;
    /** Segmentation only asks about parts at least this high (relative to the whole). */
    private static final double MIN_PART_HEIGHT =
            SegmentationRules.DEFAULT.cutting().minPartHeight();

    private final DigitRenderer renderer;
    private final long seed;

    public NotOneDigit(DigitSet digits, long seed) {
        this.renderer = new DigitRenderer(digits);
        this.seed = seed;
    }

    /** Pieces {@code 0 .. count-1} as MNIST-style pixels (0..255), one buffer, made in parallel. */
    public byte[] pixels(int count) {
        byte[] out = new byte[count * DigitSet.PIXELS];
        IntStream.range(0, count).parallel().forEach(i -> {
            float[] input = input(i);
            for (int p = 0; p < input.length; p++) {
                out[i * DigitSet.PIXELS + p] = (byte) Math.round(255 * input[p]);
            }
        });
        return out;
    }

    /** Piece {@code index} as a network input (784 values in [0, 1]); it depends only on the seed and the index. */
    public float[] input(int index) {
        SplittableRandom random = SampleSet.random(seed, index);
        while (true) {
            FloatImage piece = piece(random);
            if (piece != null) {
                return MnistFormat.input(piece);
            }
        }
    }

    /** One piece, or null where the drawn cut left a part segmentation would not ask about. */
    private FloatImage piece(SplittableRandom random) {
        double kind = random.nextDouble();
        double stroke = random.nextDouble(-0.25, 0.8);
        if (kind < 0.4) {
            return row(random, random.nextDouble() < 0.15 ? 3 : 2, stroke).ink();
        }
        if (kind < 0.7) {
            Row single = row(random, 1, stroke);
            Box digit = single.boxes[0];
            int cut = digit.x() + (int) Math.round(digit.width() * random.nextDouble(MIN_CUT, MAX_CUT));
            return random.nextBoolean()
                    ? single.columns(0, cut, digit)
                    : single.columns(cut, single.ink.width(), digit);
        }
        Row pair = row(random, 2, stroke);
        Box left = pair.boxes[0];
        Box right = pair.boxes[1];
        double share = random.nextDouble(MIN_CUT, MAX_CUT);
        return random.nextBoolean()
                ? pair.columns(0, right.x() + (int) Math.round(right.width() * share), right)
                : pair.columns(left.right() - (int) Math.round(left.width() * share), pair.ink.width(), left);
    }

    /** Digits written side by side, overlapping or touching; {@code boxes} are their inks' boxes on the row. */
    private record Row(FloatImage ink, Box[] boxes) {
        /** The ink in columns {@code [from, to)}, or null if it is lower than {@code cutDigit} allows or holds no ink. */
        FloatImage columns(int from, int to, Box cutDigit) {
            if (to - from < 1) {
                return null;
            }
            FloatImage part = ink.crop(new Box(from, 0, to - from, ink.height()));
            Box bounds = part.nonZeroBounds();
            return bounds.isEmpty() || bounds.height() < MIN_PART_HEIGHT * cutDigit.height() ? null : part;
        }
    }

    private Row row(SplittableRandom random, int count, double stroke) {
        FloatImage[] inks = new FloatImage[count];
        int[] lefts = new int[count];
        int[] tops = new int[count];
        Box[] boxes = new Box[count];
        int margin = HEIGHT / 2;
        int inkRight = margin;
        for (int i = 0; i < count; i++) {
            int h = (int) Math.round(HEIGHT * random.nextDouble(1 - SIZE_JITTER, 1 + SIZE_JITTER));
            inks[i] = renderer.render(random.nextInt(renderer.size()), h, stroke);
            Box ink = inks[i].nonZeroBounds();
            int gap = i == 0 ? 0 : (int) Math.round(HEIGHT * random.nextDouble(MIN_GAP, MAX_GAP));
            lefts[i] = inkRight + gap - ink.x();
            tops[i] = margin
                    + (int) Math.round(HEIGHT * random.nextDouble(-BASELINE_JITTER, BASELINE_JITTER))
                    + (HEIGHT - ink.height()) / 2
                    - ink.y();
            boxes[i] = new Box(lefts[i] + ink.x(), tops[i] + ink.y(), ink.width(), ink.height());
            inkRight = Math.max(inkRight, lefts[i] + ink.right());
        }
        int width = 0;
        for (int i = 0; i < count; i++) {
            width = Math.max(width, lefts[i] + inks[i].width());
        }
        FloatImage canvas = FloatImage.blank(width + margin, HEIGHT + 2 * margin);
        for (int i = 0; i < count; i++) {
            Canvas.drawMax(canvas, inks[i], lefts[i], tops[i]);
        }
        return new Row(canvas, boxes);
    }
}
