package dev.digits.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    /** Log-probabilities that put almost all mass on {@code predicted}. */
    private static float[] rows(int... predicted) {
        float[] out = new float[predicted.length * 10];
        for (int i = 0; i < predicted.length; i++) {
            for (int c = 0; c < 10; c++) {
                out[i * 10 + c] = (float) Math.log(c == predicted[i] ? 0.91 : 0.01);
            }
        }
        return out;
    }

    @Test
    void computesAccuracyLossConfusionAndPerClassMetrics() {
        byte[] labels = {0, 0, 1, 1, 1, 2};
        Evaluation e = Evaluation.of(labels, rows(0, 1, 1, 1, 2, 2));
        assertEquals(4.0 / 6, e.accuracy(), 1e-12);
        assertEquals(2, e.errors());
        double expectedLoss = (4 * -Math.log(0.91) + 2 * -Math.log(0.01)) / 6;
        assertEquals(expectedLoss, e.loss(), 1e-6);
        assertEquals(1, e.confusion()[0][0]);
        assertEquals(1, e.confusion()[0][1]);
        assertEquals(1, e.confusion()[1][2]);
        Evaluation.ClassMetrics one = e.perClass().get(1);
        // class 1: predicted 3 times (2 right), true 3 times (2 found)
        assertEquals(2.0 / 3, one.precision(), 1e-12);
        assertEquals(2.0 / 3, one.recall(), 1e-12);
        assertEquals(3, one.support());
        Evaluation.ClassMetrics two = e.perClass().get(2);
        assertEquals(0.5, two.precision(), 1e-12);
        assertEquals(1.0, two.recall(), 1e-12);
        assertEquals(2 * 0.5 / 1.5, two.f1(), 1e-12);
        assertEquals(0, e.perClass().get(5).support());
        assertEquals(0.0, e.perClass().get(5).f1());
    }

    @Test
    void textReportShowsTheConfusionTable() {
        Evaluation e = Evaluation.of(new byte[] {3, 3}, rows(3, 8));
        String text = EvaluationText.render(e, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        String row3 =
                text.lines().filter(l -> l.startsWith("       3")).findFirst().orElseThrow();
        assertEquals("       3     0     0     0     1     0     0     0     0     1     0", row3);
    }
}
