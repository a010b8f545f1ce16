package dev.digits.report;

import java.awt.Color;

/** The report's colours, shared by every chart and image so that a class or a split looks the same everywhere. */
final class Palette {
    static final Color TRAIN = new Color(0x1f77b4);
    static final Color VALIDATION = new Color(0xff7f0e);
    static final Color TEST = new Color(0x2ca02c);
    static final Color GRID = new Color(0xe0e0e0);
    static final Color TEXT = new Color(0x1f2933);
    static final Color MUTED = new Color(0x616e7c);
    static final Color WRONG = new Color(0xc0392b);

    // Matplotlib's "tab10": ten hues that stay distinguishable in a scatter plot.
    private static final int[] CLASSES = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
    };
    // Viridis at five stops: perceptually uniform, so brighter always means "more".
    private static final int[] VIRIDIS = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};
    // Blue-white-red for signed values (filter weights): white is zero.
    private static final int[] DIVERGING = {0x2166ac, 0x92c5de, 0xf7f7f7, 0xf4a582, 0xb2182b};

    private Palette() {}

    static Color ofClass(int digit) {
        return new Color(CLASSES[digit]);
    }

    /** @param t in [0, 1] */
    static int viridis(double t) {
        return interpolate(VIRIDIS, t);
    }

    /** @param t in [-1, 1] */
    static int diverging(double t) {
        return interpolate(DIVERGING, (t + 1) / 2);
    }

    private static int interpolate(int[] stops, double t) {
        double position = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int low = Math.min((int) position, stops.length - 2);
        double f = position - low;
        int a = stops[low];
        int b = stops[low + 1];
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - f) + ((b >> 16) & 0xff) * f);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - f) + ((b >> 8) & 0xff) * f);
        int bl = (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
