package dev.digits.image;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * Turns pictures of handwritten digits into what the network was trained on: MNIST-style 28x28 inputs.
 *
 * <p>The steps, each its own class: {@link Luminance} (greyscale, alpha flattened), a working copy at
 * most {@value #WORK_SIDE} pixels on its long side ({@value #ONE_DIGIT_SIDE} for one digit) ({@link Resampler}), {@link InkExtractor}
 * ({@link Polarity}, {@link Background} removal, {@link Otsu} threshold, {@link Specks} removal), then
 * for several digits {@code Segmenter}, and {@link MnistFormat} for each digit.
 *
 * <p>Immutable and thread-safe. Boxes in the results are in the coordinates of the image passed in.
 */
public final class Preprocessor {
    /**
     * Longer side of the working copy: enough for a row of digits in a photo (each digit is fitted to
     * 20 pixels in the end) and bounds the work for camera-sized images.
     */
    public static final int WORK_SIDE = 1200;
    /**
     * Longer side of the working copy where the picture is one digit: twice the side at which
     * {@link StrokeWidth} measures strokes, so a digit covering half the picture is still measured at
     * full detail; the work per picture stays small whatever its size.
     */
    static final int ONE_DIGIT_SIDE = 2 * StrokeWidth.WORK_SIDE;

    private final SegmentationRules rules;

    /** Splits lines of handwriting by {@link SegmentationRules#DEFAULT}. */
    public Preprocessor() {
        this(SegmentationRules.DEFAULT);
    }

    public Preprocessor(SegmentationRules rules) {
        this.rules = rules;
    }

    /**
     * The image as one digit: all its ink, or empty when the image has none (blank canvas, plain paper,
     * only specks); never a guess.
     */
    public Optional<DigitCrop> digit(BufferedImage image) {
        Working working = Working.of(image, ONE_DIGIT_SIDE);
        return whole(working, Polarity.detect(working.luminance())).map(OneDigit::crop);
    }

    /** As {@link #digit}, for a picture whose polarity is known (pictures made for training). */
    public Optional<DigitCrop> digit(BufferedImage image, Polarity polarity) {
        return whole(Working.of(image, ONE_DIGIT_SIDE), polarity).map(OneDigit::crop);
    }

    /**
     * As {@link #digit}, read both ways round when the polarity is in doubt ({@link Polarity#ambiguous}:
     * a digit that fills its picture): the detected polarity's digit first, then the opposite one's.
     * The caller decides between them, for instance by which one the network reads with more confidence.
     */
    public List<OneDigit> digitEitherWay(BufferedImage image) {
        Working working = Working.of(image, ONE_DIGIT_SIDE);
        FloatImage luminance = working.luminance();
        Polarity.Detection detection = Polarity.detection(luminance, Polarity.background(luminance));
        Polarity detected = detection.polarity();
        List<Polarity> polarities = List.of(detected);
        if (detection.ambiguous()) {
            Polarity corners = Polarity.byCorners(luminance);
            polarities = corners == null ? List.of(detected, detected.opposite()) : List.of(corners);
        }
        return polarities.stream()
                .flatMap(polarity -> whole(working, polarity).stream())
                .toList();
    }

    /** All the ink, read with {@code polarity}, as one digit; empty when there is none. */
    private Optional<OneDigit> whole(Working working, Polarity polarity) {
        InkMap map = InkExtractor.extract(working.luminance(), polarity);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        Pieces pieces = new Pieces(map);
        return Optional.of(new OneDigit(crop(pieces, Segmenter.whole(pieces), working), Segmenter.apart(map, rules)));
    }

    /**
     * All the ink of a picture as one digit, and how many digits stand apart in it: more than one
     * means the picture holds a number, or a digit and something else, rather than one digit.
     */
    public record OneDigit(DigitCrop crop, int apart) {}

    /** The digits written in the image, left to right; empty when there is no ink. */
    public List<DigitCrop> digits(BufferedImage image) {
        return digits(image, null);
    }

    /**
     * As {@link #digits(BufferedImage)}, with a classifier that settles doubtful cuts between touching
     * digits and joins of short fragments (null: shape alone decides).
     */
    public List<DigitCrop> digits(BufferedImage image, DigitScorer scorer) {
        return digits(image, scorer, scorer);
    }

    /**
     * As {@link #digits(BufferedImage)}, with one classifier that settles doubtful cuts between touching
     * digits ({@code cutting}: best one trained to be unsure of pairs and parts) and one that decides
     * whether a short fragment joins its neighbour ({@code joining}); both null or neither.
     */
    public List<DigitCrop> digits(BufferedImage image, DigitScorer cutting, DigitScorer joining) {
        Working working = Working.of(image, WORK_SIDE);
        Pieces pieces = new Pieces(InkExtractor.extract(working.luminance()));
        return Segmenter.segment(pieces, rules, cutting, joining).stream()
                .map(piece -> crop(pieces, piece, working))
                .toList();
    }

    private static DigitCrop crop(Pieces pieces, Piece piece, Working working) {
        return new DigitCrop(
                piece.box().unscaled(working.scale(), working.width(), working.height()), pieces.input(piece));
    }

    /** The luminance to work on and how it relates to the original image. */
    private record Working(FloatImage luminance, double scale, int width, int height) {
        static Working of(BufferedImage image, int side) {
            int width = image.getWidth();
            int height = image.getHeight();
            int longer = Math.max(width, height);
            if (longer <= side) {
                return new Working(Luminance.of(image), 1.0, width, height);
            }
            double scale = (double) side / longer;
            int smallWidth = Math.max(1, (int) Math.round(width * scale));
            int smallHeight = Math.max(1, (int) Math.round(height * scale));
            return new Working(Luminance.shrunk(image, smallWidth, smallHeight), scale, width, height);
        }
    }
}
