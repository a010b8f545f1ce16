package dev.digits.image.samples;

import dev.digits.image.FloatImage;

/** Grey-level dilation and erosion with a disc: what a rounder, thicker or thinner pen would draw. */
final class Morphology {
    private Morphology() {}

    /** Dilates (radius > 0) or erodes (radius < 0) by a disc of |radius| pixels; 0 returns the image. */
    static FloatImage disc(FloatImage image, int radius) {
        if (radius == 0) {
            return image;
        }
        int r = Math.abs(radius);
        boolean grow = radius > 0;
        int w = image.width();
        int h = image.height();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float acc = grow ? 0f : 1f;
                for (int dy = -r; dy <= r; dy++) {
                    int span = (int) Math.floor(Math.sqrt((double) r * r - dy * dy));
                    int yy = y + dy;
                    for (int dx = -span; dx <= span; dx++) {
                        int xx = x + dx;
                        // Outside the image is background: it stops erosion at the border as paper would.
                        float v = xx < 0 || yy < 0 || xx >= w || yy >= h ? 0f : image.get(xx, yy);
                        acc = grow ? Math.max(acc, v) : Math.min(acc, v);
                    }
                }
                out[y * w + x] = acc;
            }
        }
        return new FloatImage(w, h, out);
    }
}
