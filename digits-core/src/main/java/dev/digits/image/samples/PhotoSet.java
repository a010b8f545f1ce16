package dev.digits.image.samples;

import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.image.FloatImage;
import dev.digits.image.ImageDecoder;
import dev.digits.image.Resampler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Set (b): one digit in dark pen on light paper, as a phone photographs it: tinted paper, a lighting
 * gradient and vignetting, the page slightly rotated, slight defocus blur, sensor noise and paper
 * texture, then JPEG compression.
 */
public final class PhotoSet implements SampleSet {
    private static final int LONG_SIDE = 480;
    private static final int SHORT_SIDE = 360;
    private static final double MIN_HEIGHT = 0.35;
    private static final double MAX_HEIGHT = 0.75;
    private static final double MAX_ROTATION_DEGREES = 10;
    /** Darkest corner of the lighting gradient, as a fraction of the brightest. */
    private static final double MAX_SHADOW = 0.45;

    private static final double MIN_BLUR = 0.4;
    private static final double MAX_BLUR = 1.4;
    private static final double MAX_NOISE = 0.035;
    private static final double TEXTURE = 0.03;
    private static final double MIN_QUALITY = 0.5;
    private static final double MAX_QUALITY = 0.9;

    private final DigitRenderer renderer;
    private final long seed;

    public PhotoSet(DigitSet testDigits, long seed) {
        this.renderer = new DigitRenderer(testDigits);
        this.seed = seed;
    }

    @Override
    public String name() {
        return "photo";
    }

    @Override
    public SampleImage sample(int index) {
        SplittableRandom random = SampleSet.random(seed, index);
        boolean landscape = random.nextBoolean();
        int width = landscape ? LONG_SIDE : SHORT_SIDE;
        int height = landscape ? SHORT_SIDE : LONG_SIDE;
        int source = random.nextInt(renderer.size());
        int digitHeight = (int) Math.round(Math.min(width, height) * random.nextDouble(MIN_HEIGHT, MAX_HEIGHT));
        FloatImage ink = renderer.render(source, digitHeight, random.nextDouble(-0.25, 0.75));
        FloatImage placed = place(ink, width, height, random);

        float[][] rgb = paperAndInk(placed, random);
        light(rgb, width, height, random);
        double blur = random.nextDouble(MIN_BLUR, MAX_BLUR);
        for (int c = 0; c < 3; c++) {
            rgb[c] = Blur.gaussian(rgb[c], width, height, blur);
        }
        addNoise(rgb, width, height, random);
        byte[] jpeg = jpeg(toRgb(rgb, width, height), random.nextDouble(MIN_QUALITY, MAX_QUALITY));
        return new SampleImage(String.valueOf(renderer.label(source)), new int[] {source}, decode(jpeg), jpeg);
    }

    /** The digit rotated about its centre by a small random angle, at a random place fully in the frame. */
    private static FloatImage place(FloatImage ink, int width, int height, SplittableRandom random) {
        double angle = Math.toRadians(random.nextDouble(-MAX_ROTATION_DEGREES, MAX_ROTATION_DEGREES));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double halfW = (Math.abs(cos) * ink.width() + Math.abs(sin) * ink.height()) / 2;
        double halfH = (Math.abs(sin) * ink.width() + Math.abs(cos) * ink.height()) / 2;
        double cx = random.nextDouble(halfW, Math.max(halfW + 1, width - halfW));
        double cy = random.nextDouble(halfH, Math.max(halfH + 1, height - halfH));
        FloatImage out = FloatImage.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Inverse rotation: where in the digit this page pixel comes from.
                double dx = x - cx;
                double dy = y - cy;
                double sx = cos * dx + sin * dy + ink.width() / 2.0;
                double sy = -sin * dx + cos * dy + ink.height() / 2.0;
                out.set(x, y, ink.sample(sx, sy));
            }
        }
        return out;
    }

    /** Slightly tinted paper; black, blue-black or pencil-grey ink. */
    private static float[][] paperAndInk(FloatImage ink, SplittableRandom random) {
        double paper = random.nextDouble(0.78, 0.97);
        double[] paperRgb = {paper * random.nextDouble(0.97, 1.03), paper, paper * random.nextDouble(0.9, 1.0)};
        double inkLevel = random.nextDouble(0.05, 0.35);
        double blue = random.nextBoolean() ? random.nextDouble(0, 0.2) : 0;
        double[] inkRgb = {inkLevel, inkLevel, inkLevel + blue};
        float[][] rgb = new float[3][ink.pixels().length];
        for (int i = 0; i < ink.pixels().length; i++) {
            float a = ink.pixels()[i];
            for (int c = 0; c < 3; c++) {
                rgb[c][i] = (float) (paperRgb[c] * (1 - a) + inkRgb[c] * a);
            }
        }
        return rgb;
    }

    /** A linear lighting gradient in a random direction and a vignette. */
    private static void light(float[][] rgb, int width, int height, SplittableRandom random) {
        double direction = random.nextDouble(0, 2 * Math.PI);
        double shadow = random.nextDouble(0.1, MAX_SHADOW);
        double vignette = random.nextDouble(0, 0.2);
        double ux = Math.cos(direction);
        double uy = Math.sin(direction);
        double reach = (Math.abs(ux) * width + Math.abs(uy) * height) / 2;
        double radius2 = (width * width + height * height) / 4.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = x - width / 2.0;
                double dy = y - height / 2.0;
                double along = (dx * ux + dy * uy) / reach; // -1 .. 1
                double light = (1 - shadow * (along + 1) / 2) * (1 - vignette * (dx * dx + dy * dy) / radius2);
                for (int c = 0; c < 3; c++) {
                    rgb[c][y * width + x] *= (float) light;
                }
            }
        }
    }

    /** Per-pixel sensor noise plus a blotchy paper texture (coarse random grid, smoothly enlarged). */
    private static void addNoise(float[][] rgb, int width, int height, SplittableRandom random) {
        double noise = random.nextDouble(0.005, MAX_NOISE);
        int cell = 12;
        int gw = width / cell + 2;
        int gh = height / cell + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) (random.nextGaussian() * TEXTURE);
        }
        FloatImage texture = Resampler.resize(new FloatImage(gw, gh, grid), gw * cell, gh * cell);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float shared = texture.get(x, y);
                for (int c = 0; c < 3; c++) {
                    rgb[c][y * width + x] += (float) (shared + random.nextGaussian() * noise);
                }
            }
        }
    }

    private static BufferedImage toRgb(float[][] rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                row[x] = (byte8(rgb[0][p]) << 16) | (byte8(rgb[1][p]) << 8) | byte8(rgb[2][p]);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static int byte8(float v) {
        return Math.round(255 * Math.max(0f, Math.min(1f, v)));
    }

    private static byte[] jpeg(BufferedImage image, double quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality((float) quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new DigitsException("cannot encode a JPEG in memory: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static BufferedImage decode(byte[] jpeg) {
        return new ImageDecoder().decode(jpeg, "generated photograph");
    }
}
