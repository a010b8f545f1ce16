package dev.digits.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.model.ModelCard;
import dev.digits.train.EpochStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingSectionTest {
    private static final ModelCard CARD = new ModelCard(
            "imported",
            "seed",
            "a CNN",
            93_322,
            "mnist",
            List.of(),
            ModelCard.INPUT,
            Map.of("epochs", 2),
            Map.of(),
            Map.of("djl", "0.36.0"),
            "2026-11-24T06:00:00Z",
            null,
            Map.of("test_accuracy", 0.99, "epoch", 2.0));

    @Test
    void aModelWithoutHistorySaysSoAndHasNoCurves() {
        Section section = TrainingSection.build(CARD, List.of());
        assertTrue(section.figures().isEmpty());
        assertTrue(section.html().contains("id=\"no-history\""), section.html());
        assertTrue(section.html().contains("has no training history"));
        assertTrue(section.html().contains("<th>parameters</th><td>93,322</td>"), "the card is still shown");
    }

    @Test
    void aTrainedModelShowsCurvesEpochTimesAndMarksTheKeptEpoch() {
        List<EpochStats> history =
                List.of(new EpochStats(1, 0.5, 0.8, 0.3, 0.9, 2.0), new EpochStats(2, 0.2, 0.95, 0.2, 0.94, 1.5));
        Section section = TrainingSection.build(CARD, history);
        assertEquals(
                List.of(TrainingSection.CURVES, TrainingSection.EPOCH_TIMES),
                section.figures().stream().map(Figure::file).toList());
        assertTrue(section.html().contains("<td>2 (kept)</td>"), section.html());
        assertTrue(!section.html().contains("no-history"));
    }
}
