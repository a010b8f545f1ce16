package dev.digits.handwriting;

/** Reshaping of scans, for collections that store their digits differently. */
final class Scans {
    private Scans() {}

    /**
     * The scan cropped to its ink and stretched, aspect ratio ignored, to fill a {@code side} square:
     * how some collections store digits (the ink touches all four borders).
     */
    static ScannedDigit filled(ScannedDigit digit, int side) {
        int n = digit.side();
        float[] ink = digit.ink();
        int left = n;
        int right = -1;
        int top = n;
        int bottom = -1;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (ink[y * n + x] > 0.5f) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return new ScannedDigit(digit.label(), side, new float[side * side]);
        }
        float[] out = new float[side * side];
        double sx = (right - left + 1) / (double) side;
        double sy = (bottom - top + 1) / (double) side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int from = (int) (left + (x + 0.5) * sx);
                int fromY = (int) (top + (y + 0.5) * sy);
                out[y * side + x] = ink[fromY * n + from] > 0.5f ? 1f : 0f;
            }
        }
        return new ScannedDigit(digit.label(), side, out);
    }
}
