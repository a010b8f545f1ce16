package dev.digits.image.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.DigitsException;
import dev.digits.TestData;
import dev.digits.data.DigitSet;
import dev.digits.image.ContactSheet;
import dev.digits.image.DigitCrop;
import dev.digits.image.NaivePreprocessor;
import dev.digits.image.Preprocessor;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample of each generated set, and how MNIST-like the preprocessed images are. */
class SampleSetsTest {
    private static final DigitSet TEST = TestData.mnist().test();
    private final Preprocessor preprocessor = new Preprocessor();

    private static float[] mnist(int index) {
        float[] out = new float[DigitSet.PIXELS];
        for (int i = 0; i < out.length; i++) {
            out[i] = (TEST.pixels()[index * DigitSet.PIXELS + i] & 0xff) / 255f;
        }
        return out;
    }

    private static double meanAbsoluteDifference(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }

    private static Object pixels(BufferedImage image) {
        var buffer = image.getRaster().getDataBuffer();
        return buffer instanceof DataBufferByte bytes ? bytes.getData() : ((DataBufferInt) buffer).getData();
    }

    @Test
    void eachImageDependsOnlyOnSeedAndIndex() {
        for (SampleSet set : List.of(new CanvasSet(TEST, 7), new PhotoSet(TEST, 7), new NumberSet(TEST, 7))) {
            SampleImage first = set.sample(3);
            SampleImage again = set.sample(3);
            assertEquals(first.label(), again.label());
            assertArrayEquals(first.sources(), again.sources());
            assertEquals(pixels(first.image()).getClass(), pixels(again.image()).getClass());
            assertTrue(java.util.Objects.deepEquals(pixels(first.image()), pixels(again.image())), set.name());
            assertFalse(
                    java.util.Objects.deepEquals(
                            pixels(first.image()), pixels(set.sample(4).image())),
                    set.name());
        }
    }

    @Test
    void setsAreFoundByName() {
        for (String name : SampleSet.NAMES) {
            assertEquals(name, SampleSet.named(name, TEST, 1).name());
        }
        DigitsException e = assertThrows(DigitsException.class, () -> SampleSet.named("scan", TEST, 1));
        assertTrue(e.getMessage().contains("canvas, photo, number"), e.getMessage());
    }

    @Test
    void labelsAreTheSourceDigitsLabels() {
        SampleImage number = new NumberSet(TEST, 1).sample(0);
        assertTrue(number.label().length() >= 2 && number.label().length() <= 6, number.label());
        for (int i = 0; i < number.sources().length; i++) {
            assertEquals(TEST.label(number.sources()[i]), number.label().charAt(i) - '0');
        }
    }

    /**
     * Set (a) and (b) images preprocessed should look like the MNIST digit they were drawn from; the
     * naive whole-image resize should not. Thick and thin pens and the photo's blur make some
     * difference unavoidable (two different MNIST digits of one class differ by about 0.1).
     */
    @Test
    void preprocessedCanvasAndPhotoDigitsAreCloseToTheirMnistOriginals() throws IOException {
        int count = 40;
        for (SampleSet set : List.of(new CanvasSet(TEST, 11), new PhotoSet(TEST, 12))) {
            double ours = 0;
            double naive = 0;
            List<float[]> sheet = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SampleImage sample = set.sample(i);
                float[] original = mnist(sample.sources()[0]);
                Optional<DigitCrop> digit = preprocessor.digit(sample.image());
                assertTrue(digit.isPresent(), set.name() + " image " + i + " has no digit");
                float[] naiveInput = NaivePreprocessor.input(sample.image());
                ours += meanAbsoluteDifference(original, digit.get().input());
                naive += meanAbsoluteDifference(original, naiveInput);
                sheet.addAll(List.of(original, digit.get().input(), naiveInput));
            }
            // For a person to look at: each row is the MNIST original, ours, naive.
            ImageIO.write(
                    ContactSheet.of(sheet, 3),
                    "png",
                    TestData.artifacts()
                            .resolve("preprocessed-" + set.name() + ".png")
                            .toFile());
            System.out.printf(
                    Locale.ROOT,
                    "%s: mean absolute difference to MNIST: ours %.4f, naive %.4f (%d images)%n",
                    set.name(),
                    ours / count,
                    naive / count,
                    count);
            assertTrue(ours / count < 0.07, set.name() + ": " + ours / count);
            assertTrue(ours < naive / 2, set.name() + ": ours " + ours / count + ", naive " + naive / count);
        }
    }

    @Test
    void mostNumbersSplitIntoAsManyDigitsAsTheyHave() {
        NumberSet set = new NumberSet(TEST, 13);
        int count = 60;
        int right = 0;
        for (int i = 0; i < count; i++) {
            SampleImage sample = set.sample(i);
            if (preprocessor.digits(sample.image()).size() == sample.label().length()) {
                right++;
            }
        }
        System.out.printf(Locale.ROOT, "number: %d of %d split into the right number of digits%n", right, count);
        assertTrue(right >= 0.85 * count, right + " of " + count);
    }

    @Test
    void writesImagesAndLabels(@TempDir Path dir) throws IOException {
        List<SampleImage> photos = new PhotoSet(TEST, 5).samples(2);
        List<SampleImage> canvases = new CanvasSet(TEST, 5).samples(1);
        SampleWriter.write(photos, dir.resolve("photo"));
        SampleWriter.write(canvases, dir.resolve("canvas"));
        assertArrayEquals(photos.get(1).jpeg(), Files.readAllBytes(dir.resolve("photo/00001.jpg")));
        assertTrue(Files.size(dir.resolve("canvas/00000.png")) > 0);
        List<String> labels = Files.readAllLines(dir.resolve("photo/labels.csv"));
        assertEquals("file,label,sources", labels.get(0));
        assertEquals("00000.jpg," + photos.get(0).label() + "," + photos.get(0).sources()[0], labels.get(1));
    }
}
