package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import dev.digits.model.Architectures;
import dev.digits.model.Classifier;
import dev.digits.model.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label smoothing, weight averaging and early stopping, each against a value computed by hand. */
class RegularizationTest {
    @Test
    void smoothedCrossEntropyMatchesTheFormula() {
        try (NDManager manager = NDManager.newBaseManager(Classifier.ENGINE)) {
            NDArray logits =
                    manager.create(new float[] {2f, 0f, -1f, 0.5f, 0.5f, 3f}, new ai.djl.ndarray.types.Shape(2, 3));
            NDArray labels = manager.create(new long[] {0, 2});
            float[] rows = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
            double expected = 0;
            float smoothing = 0.3f;
            for (int r = 0; r < 2; r++) {
                double logSum = Math.log(Math.exp(rows[3 * r]) + Math.exp(rows[3 * r + 1]) + Math.exp(rows[3 * r + 2]));
                int label = r == 0 ? 0 : 2;
                for (int c = 0; c < 3; c++) {
                    double target = (c == label ? 1 - smoothing : 0) + smoothing / 3;
                    expected -= target * (rows[3 * r + c] - logSum);
                }
            }
            expected /= 2;
            float smoothed = new SoftCrossEntropy(smoothing, 0.5f)
                    .evaluate(new NDList(labels), new NDList(logits))
                    .getFloat();
            assertEquals(expected, smoothed, 1e-5);
            // Without smoothing it is the engine's own cross-entropy.
            float plain = new SoftCrossEntropy(0f, 0.5f)
                    .evaluate(new NDList(labels), new NDList(logits))
                    .getFloat();
            float reference = Loss.softmaxCrossEntropyLoss()
                    .evaluate(new NDList(labels), new NDList(logits))
                    .getFloat();
            assertEquals(reference, plain, 1e-5);
        }
    }

    @Test
    void anOutlierIsTrainedTowardsTheUniformDistributionWithItsOwnWeight() {
        try (NDManager manager = NDManager.newBaseManager(Classifier.ENGINE)) {
            float[] rows = {2f, 0f, -1f, 0.5f, 0.5f, 3f};
            NDArray logits = manager.create(rows, new ai.djl.ndarray.types.Shape(2, 3));
            NDArray labels = manager.create(new long[] {0, 3}); // 3 classes: label 3 marks an outlier
            double digitLoss = -(rows[0] - Math.log(Math.exp(rows[0]) + Math.exp(rows[1]) + Math.exp(rows[2])));
            double logSum = Math.log(Math.exp(rows[3]) + Math.exp(rows[4]) + Math.exp(rows[5]));
            double outlierLoss = -((rows[3] - logSum) + (rows[4] - logSum) + (rows[5] - logSum)) / 3;
            float weight = 0.25f;
            float loss = new SoftCrossEntropy(0f, weight)
                    .evaluate(new NDList(labels), new NDList(logits))
                    .getFloat();
            assertEquals((digitLoss + weight * outlierLoss) / 2, loss, 1e-5);
        }
    }

    @Test
    void weightAverageMovesEachParameterByOneMinusDecay() {
        Network compact = Architectures.byName("compact");
        try (Classifier network = Classifier.create(compact, 1);
                WeightAverage average = WeightAverage.of(compact, network, 0.9f)) {
            Classifier averaged = average.classifier();
            assertTrue(average.isOn());
            List<Float> start = flatten(snapshot(averaged));
            assertEquals(flatten(snapshot(network)), start, "the average starts at the network");
            for (Pair<String, Parameter> p : network.block().getParameters()) {
                p.getValue().getArray().addi(1f); // as if a training step moved every parameter by 1
            }
            average.update(1_000_000); // late in a run: the full decay applies
            List<Float> after = flatten(snapshot(averaged));
            for (int i = 0; i < start.size(); i += 997) {
                assertEquals(start.get(i) + 0.1f, after.get(i), 1e-5, "parameter value " + i);
            }
            average.update(1); // the first step: decay (1 + 1) / (10 + 1), far below 0.9
            List<Float> early = flatten(snapshot(averaged));
            float expected = after.get(0) + (start.get(0) + 1 - after.get(0)) * (1 - 2f / 11);
            assertEquals(expected, early.get(0), 1e-5);
        }
    }

    @Test
    void withoutDecayTheAverageIsTheNetworkItselfAndLeavesItOpen() {
        Network compact = Architectures.byName("compact");
        try (Classifier network = Classifier.create(compact, 1)) {
            List<Float> before = flatten(snapshot(network));
            try (WeightAverage none = WeightAverage.of(compact, network, 0f)) {
                assertFalse(none.isOn());
                assertSame(network, none.classifier());
                none.update(5);
            }
            assertEquals(before, flatten(snapshot(network)), "no average, no change, and the network still open");
        }
    }

    @Test
    void patienceRunsOutAfterThatManyEpochsWithoutImprovement() {
        assertFalse(TrainingRun.patienceRunOut(0, 30, 1), "0 means never stop early");
        assertFalse(TrainingRun.patienceRunOut(3, 5, 3));
        assertTrue(TrainingRun.patienceRunOut(3, 6, 3));
        assertFalse(TrainingRun.patienceRunOut(3, 0, 0), "a new run always trains its first epoch");
    }

    private static List<NDArray> snapshot(Classifier classifier) {
        List<NDArray> arrays = new ArrayList<>();
        for (Pair<String, Parameter> p : classifier.block().getParameters()) {
            arrays.add(p.getValue().getArray());
        }
        return arrays;
    }

    private static List<Float> flatten(List<NDArray> arrays) {
        List<Float> values = new ArrayList<>();
        for (NDArray a : arrays) {
            for (float v : a.toFloatArray()) {
                values.add(v);
            }
        }
        return values;
    }
}
