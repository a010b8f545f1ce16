package dev.digits.recognize;

import ai.djl.Model;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.image.DigitCrop;
import dev.digits.image.DigitScorer;
import dev.digits.image.ImageDecoder;
import dev.digits.image.Preprocessor;
import dev.digits.model.BundledModel;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Recognises handwritten digits in images: the library's front door.
 * <pre>{@code
 * try (DigitRecognizer recognizer = DigitRecognizer.load()) {      // the model inside the jar
 *     Prediction p = recognizer.predict(Path.of("seven.png"));
 *     System.out.println(p.digit() + " " + p.confidence());
 *     Reading r = recognizer.read(Path.of("phone-number.jpg"));   // several digits, left to right
 *     System.out.println(r.text());
 * }
 * }</pre>
 * Images are decoded (PNG, JPEG, GIF, BMP, WebP, TIFF), then prepared as MNIST was made: polarity,
 * background and specks removed, cropped, fitted into 20x20, centred by mass in 28x28.
 * Thread-safe: as many calls as there are cores decode and prepare their pictures at once, the others
 * wait their turn in arrival order, so that under load each call takes about its own time plus the
 * queue's rather than sharing the cores with every other call in flight. The network then runs the
 * inputs of the calls that wait for it together, in batches.
 */
public final class DigitRecognizer implements AutoCloseable {
    private final Classifier classifier;
    private final ModelCard card;
    /** Reads prepared digits for every call, in batches: one predictor per {@link #CORES_PER_PREDICTOR} cores. */
    private final PredictorPool pool;
    /**
     * The bundled cutting network ({@link BundledModel#CUTTER}), whichever model reads; loaded by the
     * first {@link #read} (guarded by {@code this}), so that predicting alone never pays for it.
     */
    private Classifier cutter;

    private Segmentation segmentation;
    private final ImageDecoder decoder = new ImageDecoder();
    private final int cores = Runtime.getRuntime().availableProcessors();
    /** Admits one call per core to decode and prepare its picture, first come first served. */
    private final Semaphore turns;

    private final Preprocessor preprocessor = new Preprocessor();

    /** Takes over {@code classifier}: it runs as {@link Classifier#forInference} makes it, and closes with this. */
    private DigitRecognizer(Classifier classifier, ModelCard card) {
        this.classifier = Classifier.forInference(classifier);
        this.card = card;
        this.pool = new PredictorPool(this.classifier, Math.max(1, cores / CORES_PER_PREDICTOR));
        this.turns = new Semaphore(cores, true);
    }

    /**
     * Cores per predictor: in batches, the network is a small part of a picture's work (preparing it
     * is the rest), so one predictor keeps up with the pictures several cores prepare, and fewer
     * predictors make larger, cheaper batches.
     */
    private static final int CORES_PER_PREDICTOR = 4;

    /** The model bundled in the jar. */
    public static DigitRecognizer load() {
        return new DigitRecognizer(BundledModel.READER.load(), BundledModel.READER.card());
    }

    /** A model directory written by {@code digits train} (or {@code digits import}). */
    public static DigitRecognizer load(Path modelDirectory) {
        return new DigitRecognizer(ModelDirectory.load(modelDirectory), ModelDirectory.readCard(modelDirectory));
    }

    public ModelCard card() {
        return card;
    }

    public Prediction predict(Path imageFile) {
        return best(inTurn(() -> candidates(decoder.decode(imageFile), imageFile.toString())));
    }

    /** @param encodedImage the bytes of an image file (PNG, JPEG, ...) */
    public Prediction predict(byte[] encodedImage) {
        return best(inTurn(() -> candidates(decoder.decode(encodedImage, "the image"), "the image")));
    }

    /** @throws NoDigitFoundException if the image has no ink */
    public Prediction predict(BufferedImage image) {
        return best(inTurn(() -> candidates(image, "the image")));
    }

    /**
     * The one digit in each of many images, with one pass of the network over all of them: cheaper per
     * image than {@link #predict(byte[])} image by image, where many images are at hand (a Spark
     * partition). Each image is decoded and prepared in turn as {@code predict} does, and its answer is
     * what {@code predict} gives (a probability may differ in its last bit with the batch).
     *
     * @param encodedImages the bytes of image files (PNG, JPEG, ...)
     * @return one outcome per image, in their order: the prediction, or why the image has none (it
     *     cannot be decoded, or has no ink)
     */
    public List<Outcome> predictAll(List<byte[]> encodedImages) {
        return predictEach(
                encodedImages.size(), i -> decoder.decode(encodedImages.get(i), "the image"), i -> "the image");
    }

    /** As {@link #predictAll}, for image files: the failures name the file. */
    public List<Outcome> predictFiles(List<Path> imageFiles) {
        return predictEach(
                imageFiles.size(),
                i -> decoder.decode(imageFiles.get(i)),
                i -> imageFiles.get(i).toString());
    }

    private List<Outcome> predictEach(int count, IntFunction<BufferedImage> decode, IntFunction<String> source) {
        List<List<Preprocessor.OneDigit>> candidates = new ArrayList<>();
        DigitsException[] failures = new DigitsException[count];
        for (int i = 0; i < count; i++) {
            int image = i;
            try {
                candidates.add(inTurn(() -> candidates(decode.apply(image), source.apply(image))));
            } catch (DigitsException e) {
                failures[i] = e;
                candidates.add(List.of());
            }
        }
        List<DigitCrop> crops = candidates.stream()
                .flatMap(List::stream)
                .map(Preprocessor.OneDigit::crop)
                .toList();
        float[] probabilities = crops.isEmpty() ? new float[0] : pool.probabilities(inputs(crops));
        List<Outcome> outcomes = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < count; i++) {
            List<Preprocessor.OneDigit> each = candidates.get(i);
            outcomes.add(
                    failures[i] != null
                            ? new Outcome(null, failures[i])
                            : new Outcome(best(each, probabilities, first), null));
            first += each.size();
        }
        return outcomes;
    }

    /**
     * What {@link #predictAll} found in one image: exactly one of the two is set.
     *
     * @param prediction the digit, as {@link #predict(byte[])} answers
     * @param failure why there is none: the image cannot be decoded, or has no ink
     */
    public record Outcome(Prediction prediction, DigitsException failure) {}

    /**
     * A digit already prepared as the model expects: 28x28 values, row-major, in [0, 1], 0 =
     * background, 1 = full ink, centred as MNIST digits are. No preprocessing is applied.
     *
     * @throws NoDigitFoundException if the input is all background (no value reaches {@link #MIN_INK})
     */
    public Prediction predict(float[] input) {
        if (input.length != DigitSet.PIXELS) {
            throw new DigitsException(
                    "a prepared digit has " + DigitSet.PIXELS + " values (28x28), got " + input.length);
        }
        for (float value : input) {
            if (!(value >= 0 && value <= 1)) {
                throw new DigitsException("a prepared digit's values lie in [0, 1], got " + value);
            }
        }
        float strongest = 0;
        for (float value : input) {
            strongest = Math.max(strongest, value);
        }
        if (strongest < MIN_INK) {
            throw new NoDigitFoundException("the prepared digit");
        }
        return Prediction.of(pool.probabilities(input), 0, input);
    }

    /** A prepared digit none of whose values reaches this holds no stroke, only background or noise. */
    public static final float MIN_INK = 0.2f;

    public Reading read(Path imageFile) {
        return reading(inTurn(() -> segment(decoder.decode(imageFile))));
    }

    public Reading read(byte[] encodedImage) {
        return reading(inTurn(() -> segment(decoder.decode(encodedImage, "the image"))));
    }

    /**
     * Runs {@code work} when a turn is free. Decoding and preparing a picture are most of a call's work;
     * the network runs after the turn, so that the turn passes on while the call waits to join a batch.
     */
    private <T> T inTurn(Supplier<T> work) {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitsException("interrupted while waiting for a turn to recognise", e);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    /**
     * Every digit in the image, left to right; an image without ink gives an empty reading. Where digits
     * touch, the bundled cutting network decides the cuts; the reading model reads the digits and
     * decides whether a short fragment joins its neighbour.
     */
    public Reading read(BufferedImage image) {
        return reading(inTurn(() -> segment(image)));
    }

    /** The digits cut apart: the turn's work (the networks that settle doubtful cuts run within it). */
    private List<DigitCrop> segment(BufferedImage image) {
        Segmentation networks = segmentation();
        return preprocessor.digits(
                image, inputs -> guesses(networks.cutting(), inputs), inputs -> guesses(networks.reading(), inputs));
    }

    private Reading reading(List<DigitCrop> crops) {
        if (crops.isEmpty()) {
            return new Reading("", List.of());
        }
        float[] probabilities = pool.probabilities(inputs(crops));
        List<Reading.Digit> digits = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < crops.size(); i++) {
            Prediction prediction = Prediction.of(
                    probabilities, i * DigitSet.CLASSES, crops.get(i).input());
            digits.add(new Reading.Digit(crops.get(i).box(), prediction));
            text.append(prediction.digit());
        }
        return new Reading(text.toString(), digits);
    }

    /**
     * The networks segmentation asks about doubtful cuts and joins, within a call's turn: one
     * predictor per core, since each question is a batch of its own (the pieces in several shifted
     * views) and waiting to join another would only hold the turn.
     */
    private record Segmentation(Model cuttingViews, Model readingViews, PredictorPool cutting, PredictorPool reading) {
        static Segmentation of(Classifier cutter, Classifier reader, int predictors) {
            Model cuttingViews = ShiftedViews.model(cutter);
            Model readingViews = ShiftedViews.model(reader);
            return new Segmentation(
                    cuttingViews,
                    readingViews,
                    new PredictorPool(cuttingViews, predictors, ShiftedViews.VIEWS),
                    new PredictorPool(readingViews, predictors, ShiftedViews.VIEWS));
        }

        void close() {
            cutting.close();
            reading.close();
            cuttingViews.close();
            readingViews.close();
        }
    }

    private synchronized Segmentation segmentation() {
        if (segmentation == null) {
            cutter = Classifier.forInference(BundledModel.CUTTER.load());
            segmentation = Segmentation.of(cutter, classifier, cores);
        }
        return segmentation;
    }

    /** What a network reads in each prepared piece, steadied by {@link ShiftedViews}, in one batch. */
    private static DigitScorer.Guess[] guesses(PredictorPool network, List<float[]> inputs) {
        return ShiftedViews.guesses(network.probabilities(concatenated(inputs)), inputs.size());
    }

    /** The picture prepared as one digit, either way round where it could be either: the turn's work. */
    private List<Preprocessor.OneDigit> candidates(BufferedImage image, String source) {
        List<Preprocessor.OneDigit> candidates = preprocessor.digitEitherWay(image);
        if (candidates.isEmpty()) {
            throw new NoDigitFoundException(source);
        }
        return candidates;
    }

    /**
     * One digit; where the picture could be either way round (a digit filling its picture), both readings
     * go through the network in one batch and the more confident one is the answer. It is unsure when
     * several digits stand apart in the picture.
     */
    private Prediction best(List<Preprocessor.OneDigit> candidates) {
        return best(
                candidates,
                pool.probabilities(inputs(
                        candidates.stream().map(Preprocessor.OneDigit::crop).toList())),
                0);
    }

    /** The crops' model inputs one after another: one batch for the network. */
    private static float[] inputs(List<DigitCrop> crops) {
        return concatenated(crops.stream().map(DigitCrop::input).toList());
    }

    private static float[] concatenated(List<float[]> inputs) {
        float[] batch = new float[inputs.size() * DigitSet.PIXELS];
        for (int i = 0; i < inputs.size(); i++) {
            System.arraycopy(inputs.get(i), 0, batch, i * DigitSet.PIXELS, DigitSet.PIXELS);
        }
        return batch;
    }

    /** As {@link #best(List)}, from the candidates' probabilities in {@code probabilities}, starting at input {@code first}. */
    private static Prediction best(List<Preprocessor.OneDigit> candidates, float[] probabilities, int first) {
        Prediction best = null;
        for (int i = 0; i < candidates.size(); i++) {
            Preprocessor.OneDigit candidate = candidates.get(i);
            Prediction reading = Prediction.of(
                    probabilities,
                    (first + i) * DigitSet.CLASSES,
                    candidate.crop().input(),
                    candidate.apart());
            best = best == null || reading.confidence() > best.confidence() ? reading : best;
        }
        return best;
    }

    @Override
    public synchronized void close() {
        pool.close();
        classifier.close();
        if (segmentation != null) {
            segmentation.close();
            cutter.close();
        }
    }
}
