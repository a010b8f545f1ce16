package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.digits.data.DatasetSpec;
import dev.digits.data.DigitSet;
import dev.digits.data.Mnist;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
    private static final Mnist.Splits SPLITS =
            new Mnist.Splits(DatasetSpec.MNIST, images(TrainingData.HOLDOUT + 20), images(7));

    private static DigitSet images(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % DigitSet.CLASSES);
        }
        return new DigitSet(new byte[count * DigitSet.PIXELS], labels);
    }

    @Test
    void theSplitACardRecordsIsTheOneTheRunUsed() {
        TrainingOptions options = TrainingOptions.defaults().withEpochs(1);
        Map<String, Object> card = new HashMap<>(options.asMap());
        card.put("limit", 12);
        TrainingData recorded = TrainingData.asRecorded(SPLITS, card);
        assertEquals(12, recorded.train().size());
        assertEquals(TrainingData.HOLDOUT, recorded.validation().size());
        assertSame(SPLITS.test(), recorded.test());

        card.put("validation", "test");
        assertSame(SPLITS.test(), TrainingData.asRecorded(SPLITS, card).validation());
    }

    @Test
    void aCardWithoutHyperparametersGetsThePublishedSplitsAndNoValidation() {
        TrainingData recorded = TrainingData.asRecorded(SPLITS, null);
        assertSame(SPLITS.train(), recorded.train());
        assertEquals(0, recorded.validation().size());
        assertEquals(
                0,
                TrainingData.asRecorded(SPLITS, Map.of("epochs", 3))
                        .validation()
                        .size());
    }
}
