package dev.digits.image.samples;

/** Separable Gaussian blur, edges clamped: a lens slightly out of focus. */
final class Blur {
    private Blur() {}

    static float[] gaussian(float[] pixels, int width, int height, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            kernel[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += kernel[i + radius];
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        float[] horizontal = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int xx = Math.max(0, Math.min(width - 1, x + k));
                    acc += kernel[k + radius] * pixels[y * width + xx];
                }
                horizontal[y * width + x] = acc;
            }
        }
        float[] out = new float[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    int yy = Math.max(0, Math.min(height - 1, y + k));
                    acc += kernel[k + radius] * horizontal[yy * width + x];
                }
                out[y * width + x] = acc;
            }
        }
        return out;
    }
}
