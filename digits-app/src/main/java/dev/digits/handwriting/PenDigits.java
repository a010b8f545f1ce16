package dev.digits.handwriting;

import dev.digits.DigitsException;
import dev.digits.data.Unpacked;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads UNIPEN pen trajectories as UCI's pendigits publishes them: {@code .SEGMENT DIGIT ... "8"}
 * opens a digit, {@code .COMMENT label writer ...} names its writer, {@code .PEN_DOWN} / {@code .PEN_UP}
 * enclose a stroke of {@code x y} lines. The tablet's y axis grows upwards; the digits returned have it
 * flipped.
 */
public final class PenDigits {
    private PenDigits() {}

    /** Every digit in the file (raw or gzipped), in file order. */
    public static List<PenDigit> read(Path file) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(Unpacked.open(file), StandardCharsets.US_ASCII))) {
            return parse(reader, file);
        } catch (IOException e) {
            throw new DigitsException("cannot read pen digits from " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<PenDigit> parse(BufferedReader reader, Path file) throws IOException {
        List<PenDigit> digits = new ArrayList<>();
        int label = -1;
        int writer = -1;
        List<float[]> strokes = new ArrayList<>();
        List<Float> points = null;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.startsWith(".SEGMENT")) {
                if (label >= 0) {
                    digits.add(new PenDigit(label, writer, flipped(strokes)));
                }
                label = quotedDigit(text, file, number);
                writer = -1;
                strokes = new ArrayList<>();
            } else if (text.startsWith(".COMMENT") && label >= 0) {
                String[] fields = text.split("\\s+");
                writer = fields.length > 2 ? Integer.parseInt(fields[2]) : -1;
            } else if (text.startsWith(".PEN_DOWN")) {
                points = new ArrayList<>();
            } else if (text.startsWith(".PEN_UP")) {
                if (points != null && !points.isEmpty()) {
                    float[] stroke = new float[points.size()];
                    for (int i = 0; i < stroke.length; i++) {
                        stroke[i] = points.get(i);
                    }
                    strokes.add(stroke);
                }
                points = null;
            } else if (points != null && !text.isEmpty() && !text.startsWith(".")) {
                String[] xy = text.split("\\s+");
                if (xy.length != 2) {
                    throw new DigitsException(file + " line " + number + ": expected \"x y\", found \"" + text + "\"");
                }
                points.add(Float.parseFloat(xy[0]));
                points.add(Float.parseFloat(xy[1]));
            }
        }
        if (label >= 0) {
            digits.add(new PenDigit(label, writer, flipped(strokes)));
        }
        return digits;
    }

    private static int quotedDigit(String segment, Path file, int number) {
        int open = segment.indexOf('"');
        int close = segment.lastIndexOf('"');
        if (open < 0 || close != open + 2 || !Character.isDigit(segment.charAt(open + 1))) {
            throw new DigitsException(
                    file + " line " + number + ": a .SEGMENT without a quoted digit label: " + segment);
        }
        return segment.charAt(open + 1) - '0';
    }

    /** y mirrored within the digit's own range, so that the digit stands upright on a screen. */
    private static List<float[]> flipped(List<float[]> strokes) {
        float top = Float.NEGATIVE_INFINITY;
        for (float[] stroke : strokes) {
            for (int i = 1; i < stroke.length; i += 2) {
                top = Math.max(top, stroke[i]);
            }
        }
        List<float[]> out = new ArrayList<>(strokes.size());
        for (float[] stroke : strokes) {
            float[] copy = stroke.clone();
            for (int i = 1; i < copy.length; i += 2) {
                copy[i] = top - copy[i];
            }
            out.add(copy);
        }
        return out;
    }

    /**
     * Two digits written next to each other, the right one's strokes moved to start {@code gap} times
     * the left one's height past its right edge, bottoms aligned; labelled as the left one.
     */
    public static PenDigit sideBySide(PenDigit left, PenDigit right, double gapShare) {
        float[] a = bounds(left);
        float[] b = bounds(right);
        float gap = (float) (gapShare * (a[3] - a[1]));
        float dx = a[2] + gap - b[0];
        float dy = a[3] - b[3];
        List<float[]> strokes = new ArrayList<>(left.strokes());
        for (float[] stroke : right.strokes()) {
            float[] moved = stroke.clone();
            for (int i = 0; i < moved.length; i += 2) {
                moved[i] += dx;
                moved[i + 1] += dy;
            }
            strokes.add(moved);
        }
        return new PenDigit(left.label(), left.writer(), strokes);
    }

    /** {minX, minY, maxX, maxY} over every point of the digit. */
    public static float[] bounds(PenDigit digit) {
        float[] b = {Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
        for (float[] stroke : digit.strokes()) {
            for (int i = 0; i < stroke.length; i += 2) {
                b[0] = Math.min(b[0], stroke[i]);
                b[1] = Math.min(b[1], stroke[i + 1]);
                b[2] = Math.max(b[2], stroke[i]);
                b[3] = Math.max(b[3], stroke[i + 1]);
            }
        }
        return b;
    }
}
