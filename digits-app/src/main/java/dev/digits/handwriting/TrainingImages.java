package dev.digits.handwriting;

import dev.digits.data.DigitSet;
import dev.digits.data.Seeds;
import dev.digits.image.DigitCrop;
import dev.digits.image.Polarity;
import dev.digits.image.Preprocessor;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Real handwriting of the training writers ({@link RealHandwriting}) as 28x28 training images, made
 * the way the reader makes its inputs: each picture goes through the {@link Preprocessor}, so the
 * network learns from exactly what it will be shown. Pen digits are drawn {@value #PEN_DRAWINGS}
 * times each with pens of every width the page offers and either polarity; scans are used as they are
 * and also cropped to fill their box. Deterministic for a seed.
 */
public final class TrainingImages {
    /** Drawings of each training writer's pen digit, with different pens. */
    static final int PEN_DRAWINGS = 3;

    private TrainingImages() {}

    /** Describes what {@link #of} adds, for the training log and the model card. */
    public static String describe(DigitSet images) {
        return String.format(
                "%,d real handwriting images (pendigits writers not measured, drawn %d times; optdigits "
                        + "training files, also cropped to fill; USPS except the last %d%%)",
                images.size(), PEN_DRAWINGS, RealHandwriting.USPS_MEASURED_PERCENT);
    }

    public static DigitSet of(RealHandwriting handwriting, long seed) {
        List<PenDigit> pen = handwriting.penDigits().stream()
                .filter(d -> !RealHandwriting.measuredWriter(d.writer()))
                .toList();
        List<ScannedDigit> scans = new ArrayList<>(handwriting.usps(false));
        for (ScannedDigit digit : handwriting.optdigits(false)) {
            scans.add(digit);
            scans.add(Scans.filled(digit, ScannedDigits.USPS_SIDE));
        }
        int penImages = pen.size() * PEN_DRAWINGS;
        int total = penImages + scans.size();
        Preprocessor preprocessor = new Preprocessor();
        byte[][] inputs = new byte[total][];
        byte[] labels = new byte[total];
        IntStream.range(0, total).parallel().forEach(i -> {
            SplittableRandom random = new SplittableRandom(Seeds.spread(seed) + i);
            BufferedImage picture;
            boolean lightOnDark;
            int label;
            if (i < penImages) {
                PenDigit digit = pen.get(i / PEN_DRAWINGS);
                Pen drawn = Pen.forTraining(random);
                picture = PenCanvas.draw(digit, drawn);
                lightOnDark = drawn.lightOnDark();
                label = digit.label();
            } else {
                ScannedDigit digit = scans.get(i - penImages);
                lightOnDark = random.nextBoolean();
                picture = digit.image(lightOnDark);
                label = digit.label();
            }
            Optional<DigitCrop> crop =
                    preprocessor.digit(picture, lightOnDark ? Polarity.LIGHT_INK_ON_DARK : Polarity.DARK_INK_ON_LIGHT);
            inputs[i] = crop.map(c -> bytes(c.input())).orElse(null);
            labels[i] = (byte) label;
        });
        return pack(inputs, labels);
    }

    static byte[] bytes(float[] input) {
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i++) {
            out[i] = (byte) Math.round(255 * Math.max(0f, Math.min(1f, input[i])));
        }
        return out;
    }

    /** The images that had ink, in order, in one buffer. */
    static DigitSet pack(byte[][] inputs, byte[] labels) {
        int kept = (int) java.util.Arrays.stream(inputs)
                .filter(java.util.Objects::nonNull)
                .count();
        byte[] pixels = new byte[kept * DigitSet.PIXELS];
        byte[] keptLabels = new byte[kept];
        int n = 0;
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                System.arraycopy(inputs[i], 0, pixels, n * DigitSet.PIXELS, DigitSet.PIXELS);
                keptLabels[n++] = labels[i];
            }
        }
        return new DigitSet(pixels, keptLabels);
    }
}
