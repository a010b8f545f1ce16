package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.digits.io.Json;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
    @Test
    void theBuilderStartsFromTheOriginalRecipeAndChangesOnlyWhatItIsTold() {
        TrainingOptions defaults = TrainingOptions.defaults();
        assertEquals(
                new TrainingOptions(
                        "seed",
                        "mnist",
                        10,
                        64,
                        1e-3f,
                        1e-7f,
                        42,
                        0,
                        TrainingOptions.Validation.HOLDOUT,
                        TrainingOptions.Keep.BEST,
                        false,
                        Schedule.CONSTANT,
                        0f,
                        0f,
                        0,
                        0f,
                        0,
                        false,
                        ""),
                defaults);
        TrainingOptions changed = TrainingOptions.builder().epochs(3).ema(0.99f).build();
        assertEquals(defaults.toBuilder().epochs(3).ema(0.99f).build(), changed);
        assertEquals(3, changed.epochs());
        assertEquals(defaults.batchSize(), changed.batchSize());
        assertEquals(changed, changed.toBuilder().build());
    }

    @Test
    void theStrongRecipesAreWhatTheyWere() {
        assertEquals(
                new TrainingOptions(
                        "strided",
                        "mnist",
                        22,
                        64,
                        2e-3f,
                        1e-7f,
                        7,
                        0,
                        TrainingOptions.Validation.HOLDOUT,
                        TrainingOptions.Keep.LAST,
                        true,
                        Schedule.COSINE,
                        0f,
                        0.999f,
                        0,
                        0f,
                        0,
                        false,
                        ""),
                TrainingOptions.strong("mnist", 7, 0));
        assertEquals(
                new TrainingOptions(
                        "wide",
                        "fashion",
                        24,
                        64,
                        1e-3f,
                        1e-7f,
                        1,
                        500,
                        TrainingOptions.Validation.HOLDOUT,
                        TrainingOptions.Keep.LAST,
                        false,
                        Schedule.COSINE,
                        0.1f,
                        0.999f,
                        0,
                        0.5f,
                        0,
                        false,
                        ""),
                TrainingOptions.strong("fashion", 1, 500));
    }

    @Test
    void valuesOutOfRangeAreRefusedWithTheOptionsName() {
        var error = assertThrows(
                IllegalArgumentException.class,
                () -> TrainingOptions.builder().ema(1.5f).build());
        assertEquals("ema must be 0 (off) or between 0 and 1 (such as 0.999), got 1.5", error.getMessage());
    }

    @Test
    void checkpointsWrittenBeforeTheRenameStillReadTheirWeightAverage() throws Exception {
        TrainingOptions options = TrainingOptions.builder().ema(0.999f).build();
        ObjectNode written = (ObjectNode) Json.MAPPER.valueToTree(options);
        assertEquals(0.999f, written.get("ema").floatValue());
        written.set("average_decay", written.remove("ema")); // what older checkpoints hold
        assertEquals(options, Json.MAPPER.treeToValue(written, TrainingOptions.class));
    }
}
