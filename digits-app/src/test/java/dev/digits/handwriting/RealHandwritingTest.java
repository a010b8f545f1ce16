package dev.digits.handwriting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The real collections in shared/data, and the rule that a writer is trained on or measured, never both. */
class RealHandwritingTest {
    @Test
    void pendigitsWritersAreSplitIntoTrainedAndMeasuredWithNoneInBoth() {
        RealHandwriting handwriting = SharedHandwriting.require();
        List<PenDigit> digits = handwriting.penDigits();
        assertEquals(7494, digits.size());
        Set<Integer> writers = digits.stream().map(PenDigit::writer).collect(Collectors.toSet());
        assertEquals(30, writers.size());
        Map<Boolean, Set<Integer>> split = writers.stream()
                .collect(Collectors.partitioningBy(RealHandwriting::measuredWriter, Collectors.toSet()));
        assertEquals(6, split.get(true).size(), "six writers measured");
        assertEquals(24, split.get(false).size(), "24 trained on");
        assertTrue(split.get(true).stream().noneMatch(split.get(false)::contains));
    }

    @Test
    void uspsTrainedAndMeasuredPartsDoNotOverlapAndCoverTheFile() {
        RealHandwriting handwriting = SharedHandwriting.require();
        List<ScannedDigit> trained = handwriting.usps(false);
        List<ScannedDigit> measured = handwriting.usps(true);
        assertEquals(7291, trained.size() + measured.size());
        assertEquals(7291 * RealHandwriting.USPS_MEASURED_PERCENT / 100, measured.size(), 1);
    }

    @Test
    void theBenchmarkHasEverySetItCanFindWithLabelsForEverySample() {
        RealHandwriting handwriting = SharedHandwriting.require();
        List<RealSet> sets = handwriting.benchmarkSets();
        List<String> names = sets.stream().map(RealSet::name).toList();
        assertTrue(names.containsAll(List.of("pen", "usps", "optdigits", "optdigits-filled")), names.toString());
        for (RealSet set : sets) {
            assertTrue(set.size() > 0, set.name());
            RealSample first = set.sample(0);
            assertTrue(first.label().chars().allMatch(Character::isDigit), set.name() + ": " + first.label());
        }
    }
}
