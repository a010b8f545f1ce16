package dev.digits.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionsTest {
    @Test
    void offDiagonalCellsMostFrequentFirstWithTheirShareOfTheTrueClass() {
        int[][] confusion = new int[10][10];
        confusion[4][4] = 90;
        confusion[4][9] = 10;
        confusion[7][7] = 45;
        confusion[7][2] = 5;
        confusion[3][5] = 10;
        confusion[3][3] = 190;
        List<Confusions.Confusion> top = Confusions.mostFrequent(confusion, 2);
        // 4→9 and 3→5 both occur 10 times; 4→9 is a larger share of its class (10% against 5%).
        assertEquals(List.of(new Confusions.Confusion(4, 9, 10, 0.1), new Confusions.Confusion(3, 5, 10, 0.05)), top);
        assertEquals(3, Confusions.mostFrequent(confusion, 10).size(), "only cells that occur");
    }
}
