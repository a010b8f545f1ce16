package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {
    @Test
    void constantKeepsTheRate() {
        assertEquals(1e-3, Schedule.CONSTANT.rate(1e-3, 500, 1000));
    }

    @Test
    void cosineStartsAtTheRateHalvesMidwayAndEndsNearZero() {
        assertEquals(1e-3, Schedule.COSINE.rate(1e-3, 1, 1000), 1e-12);
        assertEquals(0.5e-3, Schedule.COSINE.rate(1e-3, 501, 1000), 1e-12);
        assertEquals(0.0, Schedule.COSINE.rate(1e-3, 1001, 1000), 1e-12);
        assertEquals(true, Schedule.COSINE.rate(1e-3, 1000, 1000) < 1e-7);
    }

    @Test
    void oneCycleWarmsUpToTheRateAtThirtyPercentThenAnnealsToAlmostZero() {
        assertEquals(1e-3 / 25, Schedule.ONE_CYCLE.rate(1e-3, 1, 1000), 1e-12);
        assertEquals(1e-3, Schedule.ONE_CYCLE.rate(1e-3, 301, 1000), 1e-12);
        double midWarmUp = Schedule.ONE_CYCLE.rate(1e-3, 151, 1000);
        assertEquals((1e-3 + 1e-3 / 25) / 2, midWarmUp, 1e-12);
        assertEquals(1e-3 / 25 / 1e4, Schedule.ONE_CYCLE.rate(1e-3, 1001, 1000), 1e-15);
        assertTrue(Schedule.ONE_CYCLE.rate(1e-3, 700, 1000) < Schedule.ONE_CYCLE.rate(1e-3, 400, 1000));
    }

    @Test
    void namesAreWhatUsersType() {
        assertEquals(Schedule.ONE_CYCLE, Schedule.byName("one-cycle"));
        assertEquals(Schedule.COSINE, Schedule.byName("Cosine"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Schedule.byName("step"));
        assertTrue(e.getMessage().contains("one-cycle"), e.getMessage());
    }
}
