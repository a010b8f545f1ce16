package dev.digits.recognize;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import dev.digits.image.DigitScorer;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import dev.digits.model.layers.LayerStack;
import dev.digits.model.layers.TensorShape;
import java.util.Arrays;
import java.util.List;

/**
 * Steadier answers for segmentation: each prepared piece is read as it is and shifted by
 * {@value #SHIFT} pixels left, right, up and down, and the five readings are averaged. A network reads
 * a real digit alike in all five places; a piece cut out of two digits, or a pair read as one, often
 * not, and averaging takes the overconfidence out of such lucky single readings (the figures are in
 * {@code docs/measured.md}).
 */
final class ShiftedViews {
    static final int SHIFT = 2;
    private static final int[][] OFFSETS = {{0, 0}, {SHIFT, 0}, {-SHIFT, 0}, {0, SHIFT}, {0, -SHIFT}};
    static final int VIEWS = OFFSETS.length;

    private ShiftedViews() {}

    /**
     * A model that reads each input in all its views, for {@link PredictorPool}: {@code [n, 1, 28, 28]}
     * in, the scores of the {@code n * VIEWS} views out, each input's views together as {@link #batch}
     * lays them out, and the same values. The network's first layers that move with a shifted input
     * ({@link LayerStack#shiftableHead}) run once per input, on the input inside a margin of
     * {@value #SHIFT} pixels; each view takes its window of their output, and only the layers after them
     * run view by view. Close the model after the pools that use it.
     */
    static Model model(Classifier classifier) {
        List<Block> layers = List.of(classifier.block());
        LayerStack.Head head = new LayerStack.Head(0, 1, TensorShape.INPUT);
        if (classifier.architecture() instanceof Network network
                && classifier.block() instanceof SequentialBlock sequence
                && sequence.getChildren().size() == network.layers().layers().size()) {
            layers = sequence.getChildren().values();
            head = network.layers().shiftableHead(SHIFT);
        }
        List<Block> first = layers.subList(0, head.layers());
        List<Block> rest = layers.subList(head.layers(), layers.size());
        LayerStack.Head shared = head;
        Model model = Model.newInstance("views", Device.cpu(), Classifier.ENGINE);
        model.setBlock(new LambdaBlock(inputs -> read(inputs.singletonOrThrow(), first, shared, rest), "shiftedViews"));
        return model;
    }

    /** The scores of the views of {@code images} ({@code [n, 1, 28, 28]}): {@code first} shared, {@code rest} per view. */
    private static NDList read(NDArray images, List<Block> first, LayerStack.Head head, List<Block> rest) {
        long count = images.getShape().get(0);
        int side = DigitSet.SIDE + 2 * SHIFT;
        NDArray canvas = images.getManager().zeros(new Shape(count, 1, side, side));
        canvas.set(window(SHIFT, SHIFT, DigitSet.SIDE, DigitSet.SIDE), images);
        ParameterStore parameters = new ParameterStore(images.getManager(), false);
        NDList maps = new NDList(canvas);
        for (Block layer : first) {
            maps = layer.forward(parameters, maps, false);
        }
        NDArray map = maps.singletonOrThrow();
        int height = head.output().height();
        int width = head.output().width();
        NDList views = new NDList(VIEWS);
        for (int[] offset : OFFSETS) {
            // the view moved by (dx, dy) is the canvas from (SHIFT - dx, SHIFT - dy) on, at the head's scale
            int left = (SHIFT - offset[0]) / head.scale();
            int top = (SHIFT - offset[1]) / head.scale();
            views.add(map.get(window(top, left, height, width)));
        }
        NDList each = new NDList(
                NDArrays.stack(views, 1).reshape(count * VIEWS, map.getShape().get(1), height, width));
        for (Block layer : rest) {
            each = layer.forward(parameters, each, false);
        }
        return each;
    }

    /**
     * Rows {@code top} to {@code top + height} and columns {@code left} to {@code left + width} of every
     * map of a batch: built, not parsed from a string, since it is taken for every batch of views.
     */
    private static NDIndex window(long top, long left, long height, long width) {
        return new NDIndex().addAllDim(2).addSliceDim(top, top + height).addSliceDim(left, left + width);
    }

    /**
     * All views of all inputs in one batch buffer, the views of each input together: the views as the
     * network would read them one by one, which {@link #model} reads with less work.
     */
    static float[] batch(List<float[]> inputs) {
        float[] batch = new float[inputs.size() * VIEWS * DigitSet.PIXELS];
        for (int i = 0; i < inputs.size(); i++) {
            for (int v = 0; v < VIEWS; v++) {
                shift(inputs.get(i), OFFSETS[v][0], OFFSETS[v][1], batch, (i * VIEWS + v) * DigitSet.PIXELS);
            }
        }
        return batch;
    }

    /** The average of each input's views ({@code probabilities} as from {@link #batch}), as guesses. */
    static DigitScorer.Guess[] guesses(float[] probabilities, int inputs) {
        DigitScorer.Guess[] guesses = new DigitScorer.Guess[inputs];
        double[] mean = new double[DigitSet.CLASSES];
        for (int i = 0; i < inputs; i++) {
            Arrays.fill(mean, 0);
            for (int v = 0; v < VIEWS; v++) {
                for (int c = 0; c < DigitSet.CLASSES; c++) {
                    mean[c] += probabilities[(i * VIEWS + v) * DigitSet.CLASSES + c] / (double) VIEWS;
                }
            }
            int best = Evaluation.argmax(mean);
            double rest = 0;
            for (int c = 0; c < DigitSet.CLASSES; c++) {
                rest += c == best ? 0 : mean[c];
            }
            guesses[i] = new DigitScorer.Guess(best, (float) mean[best], (float) rest);
        }
        return guesses;
    }

    /** Writes {@code image} moved by (dx, dy), background where it moved away from, into {@code out} at {@code offset}. */
    private static void shift(float[] image, int dx, int dy, float[] out, int offset) {
        int side = DigitSet.SIDE;
        for (int y = 0; y < side; y++) {
            int sy = y - dy;
            for (int x = 0; x < side; x++) {
                int sx = x - dx;
                boolean inside = sx >= 0 && sy >= 0 && sx < side && sy < side;
                out[offset + y * side + x] = inside ? image[sy * side + sx] : 0f;
            }
        }
    }
}
