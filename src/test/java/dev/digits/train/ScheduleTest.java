package dev.digits.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
