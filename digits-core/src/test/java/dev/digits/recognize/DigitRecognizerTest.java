package dev.digits.recognize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public facade with the bundled model, on images drawn from MNIST test digits. */
class DigitRecognizerTest {
    private static DigitRecognizer recognizer;

    @BeforeAll
    static void load() {
        recognizer = DigitRecognizer.load();
    }

    @AfterAll
    static void close() {
        recognizer.close();
    }

    /** MNIST digit {@code index}, enlarged 6x, dark ink on a white page larger than the digit, off centre. */
    static BufferedImage onPaper(int index, int left, int top) {
        DigitSet test = TestData.mnist().test();
        BufferedImage image = new BufferedImage(300, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(inverted(test, index), left, top, 28 * 6, 28 * 6, null);
        g.dispose();
        return image;
    }

    private static BufferedImage inverted(DigitSet set, int index) {
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < DigitSet.PIXELS; p++) {
            digit.getRaster().setSample(p % 28, p / 28, 0, 255 - (set.pixels()[index * DigitSet.PIXELS + p] & 0xFF));
        }
        return digit;
    }

    @Test
    void readsDigitsDrawnOnPaper() {
        DigitSet test = TestData.mnist().test();
        int correct = 0;
        for (int i = 0; i < 100; i++) {
            Prediction p = recognizer.predict(onPaper(i, 10 + i % 100, 5 + i % 60));
            if (p.digit() == test.label(i)) {
                correct++;
            }
            assertEquals(1.0, sum(p.probabilities()), 1e-4);
            assertEquals(p.probabilities()[p.digit()], p.confidence());
        }
        assertTrue(correct >= 97, correct + " of 100 right");
    }

    @Test
    void predictAllGivesWhatPredictGivesAndAFailurePerBadImage() throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(onPaper(i, 10 + i, 20), "png", png);
            images.add(png.toByteArray());
        }
        ByteArrayOutputStream blank = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(50, 50, BufferedImage.TYPE_BYTE_GRAY), "png", blank);
        images.add(3, blank.toByteArray());
        images.add(7, new byte[] {1, 2, 3});

        List<DigitRecognizer.Outcome> outcomes = recognizer.predictAll(images);
        assertEquals(images.size(), outcomes.size());
        assertTrue(outcomes.get(3).failure() instanceof NoDigitFoundException, String.valueOf(outcomes.get(3)));
        assertTrue(outcomes.get(7).failure().getMessage().contains("not an image"), String.valueOf(outcomes.get(7)));
        for (int i = 0; i < images.size(); i++) {
            if (i == 3 || i == 7) {
                continue;
            }
            Prediction one = recognizer.predict(images.get(i));
            Prediction batched = outcomes.get(i).prediction();
            assertEquals(one.digit(), batched.digit(), "image " + i);
            assertEquals(one.confidence(), batched.confidence(), 1e-5f, "image " + i);
            assertEquals(one.unsureBecause(), batched.unsureBecause(), "image " + i);
            assertArrayEquals(one.input(), batched.input(), "image " + i);
        }
        assertTrue(recognizer.predictAll(List.of()).isEmpty());
    }

    @Test
    void theInputIsTheCentredMnistStyleImage() {
        Prediction p = recognizer.predict(onPaper(0, 120, 60));
        float[] input = p.input();
        assertEquals(DigitSet.PIXELS, input.length);
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < input.length; i++) {
            mass += input[i];
            x += input[i] * (i % 28);
            y += input[i] * (i / 28);
        }
        assertEquals(14.0, x / mass, 1.0, "centre of mass x");
        assertEquals(14.0, y / mass, 1.0, "centre of mass y");
        assertEquals(7, p.digit());
    }

    @Test
    void decodesEncodedImages() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(onPaper(1, 50, 30), "png", png);
        assertEquals(
                TestData.mnist().test().label(1),
                recognizer.predict(png.toByteArray()).digit());
        DigitsException e = assertThrows(DigitsException.class, () -> recognizer.predict(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("the image"), e.getMessage());
    }

    @Test
    void aBlankImageIsNoDigitNotAGuess() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        NoDigitFoundException e = assertThrows(NoDigitFoundException.class, () -> recognizer.predict(blank));
        assertTrue(e.getMessage().startsWith("no digit found"), e.getMessage());
        assertTrue(recognizer.read(blank).isEmpty());
        assertEquals("", recognizer.read(blank).text());
    }

    @Test
    void preparedInputsAreChecked() {
        assertThrows(DigitsException.class, () -> recognizer.predict(new float[100]));
        float[] bad = new float[DigitSet.PIXELS];
        bad[5] = 2f;
        assertThrows(DigitsException.class, () -> recognizer.predict(bad));
        float[] mnist = new float[DigitSet.PIXELS];
        for (int p = 0; p < mnist.length; p++) {
            mnist[p] = (TestData.mnist().test().pixels()[p] & 0xFF) / 255f;
        }
        assertEquals(7, recognizer.predict(mnist).digit());
    }

    @Test
    void readsANumberLeftToRight() {
        DigitSet test = TestData.mnist().test();
        int[] indices = {3, 2, 1, 18}; // 0, 1, 2, 3
        BufferedImage number = new BufferedImage(4 * 130 + 40, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = number.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, number.getWidth(), number.getHeight());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < indices.length; i++) {
            g.drawImage(inverted(test, indices[i]), 20 + i * 130, 20, 150, 150, null);
            expected.append(test.label(indices[i]));
        }
        g.dispose();
        Reading reading = recognizer.read(number);
        assertEquals(expected.toString(), reading.text());
        for (int i = 1; i < reading.digits().size(); i++) {
            assertTrue(
                    reading.digits().get(i).box().x()
                            > reading.digits().get(i - 1).box().x(),
                    "left to right");
        }
    }

    @Test
    void isSafeToUseFromManyThreads() throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        List<Integer> sequential = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            images.add(onPaper(i, 20, 20));
            sequential.add(recognizer.predict(images.get(i)).digit());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<float[]>> futures = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (BufferedImage image : images) {
                    futures.add(pool.submit(() -> recognizer.predict(image).probabilities()));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                float[] probabilities = futures.get(i).get();
                assertEquals((int) sequential.get(i % images.size()), argmax(probabilities));
                assertArrayEquals(
                        recognizer.predict(images.get(i % images.size())).probabilities(), probabilities, 1e-6f);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static double sum(float[] values) {
        double total = 0;
        for (float v : values) {
            total += v;
        }
        return total;
    }

    @Test
    void aBlankPreparedDigitIsNoDigitNotAOne() {
        assertThrows(NoDigitFoundException.class, () -> recognizer.predict(new float[DigitSet.PIXELS]));
        float[] faint = new float[DigitSet.PIXELS];
        java.util.Arrays.fill(faint, DigitRecognizer.MIN_INK / 2);
        assertThrows(NoDigitFoundException.class, () -> recognizer.predict(faint));
    }

    @Test
    void anAnswerIsSureExactlyWhenItsConfidenceReachesTheThreshold() {
        for (int i = 0; i < 50; i++) {
            Prediction p = recognizer.predict(onPaper(i, 60, 40));
            assertEquals(p.confidence() >= Prediction.SURE_CONFIDENCE, p.sure());
        }
        float[] uniform = new float[DigitSet.CLASSES];
        java.util.Arrays.fill(uniform, 0.1f);
        Prediction guess = Prediction.of(uniform, 0, new float[DigitSet.PIXELS]);
        assertFalse(guess.sure());
        assertTrue(guess.unsureBecause().startsWith("low confidence"), guess.unsureBecause());
    }

    @Test
    void twoDigitsApartWhereOneIsExpectedAreAnUnsureAnswer() {
        BufferedImage pair = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = pair.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 200);
        g.drawImage(onPaper(0, 0, 0).getSubimage(60, 30, 180, 180), 10, 10, null);
        g.drawImage(onPaper(1, 0, 0).getSubimage(60, 30, 180, 180), 210, 10, null);
        g.dispose();
        Prediction p = recognizer.predict(pair);
        assertFalse(p.sure());
        assertTrue(p.unsureBecause().contains("2 digits stand apart"), p.unsureBecause());
        assertEquals(2, recognizer.read(pair).digits().size());
    }
}
