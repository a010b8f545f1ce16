package dev.digits.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static float[] logProbabilities(double[]... rows) {
        float[] out = new float[rows.length * 10];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < 10; c++) {
                out[i * 10 + c] = (float) Math.log(c < rows[i].length ? Math.max(rows[i][c], 1e-9) : 1e-9);
            }
        }
        return out;
    }

    @Test
    void mistakesMostConfidentFirstAndCorrectAnswersLeastConfidentFirst() {
        byte[] labels = {0, 1, 2, 3};
        float[] lp = logProbabilities(
                new double[] {0.9, 0.1}, // 0 right, 0.9
                new double[] {0.4, 0.6}, // 1 right, 0.6
                new double[] {0.3, 0, 0.2, 0.5}, // 2 taken for 3 (0.5)
                new double[] {0.1, 0.8, 0, 0.1}); // 3 taken for 1 (0.8)
        List<Verdict> all = Verdict.all(labels, lp);
        assertEquals(
                List.of(3, 2),
                Verdict.mistakes(all).stream().map(Verdict::index).toList());
        assertEquals(1, Verdict.mistakes(all).get(0).predicted());
        assertEquals(0.8, Verdict.mistakes(all).get(0).confidence(), 1e-6);
        assertEquals(
                List.of(1, 0),
                Verdict.leastConfidentCorrect(all, 5).stream()
                        .map(Verdict::index)
                        .toList());
        assertEquals(
                List.of(1),
                Verdict.leastConfidentCorrect(all, 1).stream()
                        .map(Verdict::index)
                        .toList());
    }
}
