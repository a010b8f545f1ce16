package dev.digits.model.keras;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.eval.Evaluation;
import dev.digits.model.Classifier;
import dev.digits.train.TrainingRun;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of the shared zoo imports and scores on MNIST's test set as its authors report: within
 * {@link #CLAIM_TOLERANCE} of the accuracy they state, or above {@link #FLOOR} where they state none.
 * All 10,000 test images: at most 6 s per model here, and a sample would need a wider tolerance (the
 * two halves of the set, written by different people, differ in difficulty).
 */
class KerasZooTest {
    static final double FLOOR = 0.95;
    /** 0.3 points, as the issue asks. */
    static final double CLAIM_TOLERANCE = 0.003;

    static List<KerasZoo.Model> zoo() throws IOException {
        Assumptions.assumeTrue(KerasZoo.present(), "skipped: the Keras zoo " + KerasZoo.DIRECTORY + " is absent");
        return KerasZoo.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void importsAndScoresAsItsAuthorsReport(KerasZoo.Model model) {
        DigitSet images = TestData.mnist().test();
        double accuracy = accuracy(model, model.scale() == null ? InputScale.UNIT : model.scale(), images);
        if (model.scale() == null && accuracy < FLOOR) {
            // The README does not say which pixels the authors fed: the model is fine if either range works.
            accuracy = Math.max(accuracy, accuracy(model, InputScale.PIXELS, images));
        }
        String measured = String.format(Locale.ROOT, "%s: accuracy %.4f on %,d test images", model, accuracy, images.size());
        System.out.println(measured + (model.claimed() == null ? "" : ", authors state " + model.claimed()));
        if (model.claimed() != null) {
            assertTrue(Math.abs(accuracy - model.claimed()) <= CLAIM_TOLERANCE,
                    measured + ", the authors state " + model.claimed() + " (tolerance " + CLAIM_TOLERANCE + ")");
        } else {
            assertTrue(accuracy > FLOOR, measured + ", expected above " + FLOOR);
        }
    }

    private static double accuracy(KerasZoo.Model model, InputScale scale, DigitSet images) {
        try (Classifier classifier = KerasImporter.read(model.file(), scale).classifier()) {
            Evaluation evaluation = TrainingRun.evaluate(classifier, images);
            return evaluation.accuracy();
        }
    }
}
