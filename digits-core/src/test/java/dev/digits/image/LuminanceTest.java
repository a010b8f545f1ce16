package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LuminanceTest {
    @Test
    void blackStrokesOnATransparentCanvasAreFlattenedOntoWhite() {
        BufferedImage strokes = Drawings.draw(100, 100, null, Color.BLACK, 8, g -> Drawings.one(g, 50, 20, 60));
        FloatImage grey = Luminance.of(strokes);
        assertEquals(1f, grey.get(5, 5), 1e-6);
        assertEquals(0f, grey.get(50, 50), 1e-6);
    }

    @Test
    void whiteStrokesOnATransparentCanvasAreFlattenedOntoBlack() {
        BufferedImage strokes = Drawings.draw(100, 100, null, Color.WHITE, 8, g -> Drawings.one(g, 50, 20, 60));
        FloatImage grey = Luminance.of(strokes);
        assertEquals(0f, grey.get(5, 5), 1e-6);
        assertEquals(1f, grey.get(50, 50), 1e-6);
    }

    @Test
    void transparentCornersOfAPhotoTakeThePapersBrightness() {
        BufferedImage photo =
                Drawings.draw(100, 100, new Color(200, 200, 200), Color.BLACK, 8, g -> Drawings.one(g, 50, 20, 60));
        photo.setRGB(0, 0, 0x00000000); // fully transparent black
        FloatImage grey = Luminance.of(photo);
        assertEquals(200 / 255f, grey.get(0, 0), 1e-3);
    }

    @Test
    void greyImagesKeepTheirStoredValues() {
        // getRGB would report 128 in a linear grey colour space as about 186 in sRGB.
        BufferedImage grey = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(1, 1, 0, 128);
        assertEquals(128 / 255f, Luminance.of(grey).get(1, 1), 1e-6);
    }

    @Test
    void sixteenBitGreyAndGreyWithAlphaPngsAreReadAsStored() throws IOException {
        BufferedImage deep = new BufferedImage(4, 4, BufferedImage.TYPE_USHORT_GRAY);
        deep.getRaster().setSample(1, 1, 0, 32768);
        assertEquals(0.5f, Luminance.of(roundTrip(deep)).get(1, 1), 1e-4);

        var model = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        BufferedImage greyAlpha = new BufferedImage(model, model.createCompatibleWritableRaster(4, 4), false, null);
        greyAlpha.getRaster().setPixel(1, 1, new int[] {0, 255}); // one opaque black pixel, the rest transparent
        FloatImage grey = Luminance.of(roundTrip(greyAlpha));
        assertEquals(0f, grey.get(1, 1), 1e-6);
        assertEquals(1f, grey.get(3, 3), 1e-6); // flattened onto white, behind dark ink
    }

    private static BufferedImage roundTrip(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ImageDecoder().decode(out.toByteArray(), "test.png");
    }

    @Test
    void colourUsesTheUsualLumaWeights() {
        BufferedImage rgb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x00ff00);
        assertEquals(0.587f, Luminance.of(rgb).get(0, 0), 1e-3);
    }

    @Test
    void byteImagesReadStraightFromTheirArrayGiveWhatTheGeneralPathGives() {
        var random = new java.util.Random(5);
        for (int type :
                new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage image = new BufferedImage(13, 7, type);
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 13; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            // The same pixels in an image whose samples are ints: read through getRGB / getSamples.
            BufferedImage general = new BufferedImage(
                    13,
                    7,
                    type == BufferedImage.TYPE_4BYTE_ABGR
                            ? BufferedImage.TYPE_INT_ARGB
                            : type == BufferedImage.TYPE_3BYTE_BGR
                                    ? BufferedImage.TYPE_INT_RGB
                                    : BufferedImage.TYPE_USHORT_GRAY);
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 13; x++) {
                    if (type == BufferedImage.TYPE_BYTE_GRAY) {
                        general.getRaster().setSample(x, y, 0, image.getRaster().getSample(x, y, 0) * 257);
                    } else {
                        general.setRGB(x, y, image.getRGB(x, y));
                    }
                }
            }
            float[] fast = Luminance.of(image).pixels();
            float[] slow = Luminance.of(general).pixels();
            for (int i = 0; i < fast.length; i++) {
                assertEquals(slow[i], fast[i], 1e-6, "type " + type + ", pixel " + i);
            }
        }
        // A sub-image shares its parent's array from an offset.
        BufferedImage parent = new BufferedImage(20, 20, BufferedImage.TYPE_BYTE_GRAY);
        parent.getRaster().setSample(7, 5, 0, 200);
        assertEquals(200 / 255f, Luminance.of(parent.getSubimage(5, 3, 10, 10)).get(2, 2), 1e-6);
    }

    @Test
    void aPictureShrunkAsItsRowsAreReadIsTheLuminanceResized() {
        var random = new java.util.Random(8);
        for (int type : new int[] {
            BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_4BYTE_ABGR,
            BufferedImage.TYPE_INT_RGB
        }) {
            for (boolean seeThrough : new boolean[] {false, true}) {
                BufferedImage image = new BufferedImage(57, 43, type);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        // Opaque, except where a picture with alpha is to have see-through pixels.
                        image.setRGB(x, y, random.nextInt() | (seeThrough && random.nextInt(9) > 0 ? 0 : 0xff000000));
                    }
                }
                for (int[] size : new int[][] {{20, 15}, {57, 42}, {60, 10}, {1, 1}, {30, 43}, {80, 60}}) {
                    float[] expected = Resampler.resize(Luminance.of(image), size[0], size[1])
                            .pixels();
                    float[] shrunk = Luminance.shrunk(image, size[0], size[1]).pixels();
                    assertArrayEquals(expected, shrunk, "type " + type + " to " + size[0] + "x" + size[1]);
                }
            }
        }
    }

    /**
     * A drawing on a plain canvas is shrunk with work only around its strokes: the values must be those
     * of the whole computation, for strokes anywhere (touching an edge, in one corner, none at all), of
     * every byte layout, and where the top-left pixel is a stroke rather than the canvas.
     */
    @Test
    void aDrawingOnAPlainCanvasShrinksToTheSameValues() {
        var random = new java.util.Random(11);
        for (int type :
                new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR}) {
            for (int layout = 0; layout < 5; layout++) {
                BufferedImage image = new BufferedImage(97, 83, type);
                int canvas = 0xff000000 | (layout % 2 == 0 ? 0xffffff : 0x203040);
                for (int y = 0; y < image.getHeight(); y++) {
                    for (int x = 0; x < image.getWidth(); x++) {
                        image.setRGB(x, y, canvas);
                    }
                }
                // layout 0: strokes in the middle; 1: touching every edge; 2: one corner; 3: none; 4: at the top left
                int[][] boxes = {{30, 20, 40, 50}, {0, 0, 97, 83}, {80, 70, 17, 13}, {0, 0, 0, 0}, {0, 0, 9, 6}};
                int[] box = boxes[layout];
                for (int n = 0; n < box[2] * box[3] / 3; n++) {
                    int x = box[0] + random.nextInt(box[2]);
                    int y = box[1] + random.nextInt(box[3]);
                    image.setRGB(x, y, 0xff000000 | random.nextInt(0x1000000));
                }
                for (int[] size : new int[][] {{40, 33}, {96, 82}, {20, 60}, {1, 1}, {97, 41}, {13, 9}}) {
                    float[] expected = Resampler.resize(Luminance.of(image), size[0], size[1])
                            .pixels();
                    float[] shrunk = Luminance.shrunk(image, size[0], size[1]).pixels();
                    assertArrayEquals(
                            expected,
                            shrunk,
                            "type " + type + ", layout " + layout + ", to " + size[0] + "x" + size[1]);
                }
            }
        }
    }
}
