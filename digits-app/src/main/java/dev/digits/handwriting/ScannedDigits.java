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

/** Readers for the scanned collections: UCI's optdigits bitmaps and the USPS zip-code digits. */
public final class ScannedDigits {
    /** optdigits-orig bitmaps are 32x32. */
    public static final int OPTDIGITS_SIDE = 32;
    /** USPS scans are 16x16. */
    public static final int USPS_SIDE = 16;

    private ScannedDigits() {}

    /**
     * UCI optdigits-orig (raw or gzipped): a header, then per digit 32 lines of 32 {@code 0}/{@code 1}
     * characters followed by a line holding the label.
     */
    public static List<ScannedDigit> optdigits(Path file) {
        List<ScannedDigit> digits = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            float[] bitmap = new float[OPTDIGITS_SIDE * OPTDIGITS_SIDE];
            int row = 0;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.length() == OPTDIGITS_SIDE && text.chars().allMatch(c -> c == '0' || c == '1')) {
                    if (row == OPTDIGITS_SIDE) {
                        throw new DigitsException(file + " line " + number + ": a bitmap of more than 32 rows");
                    }
                    for (int x = 0; x < OPTDIGITS_SIDE; x++) {
                        bitmap[row * OPTDIGITS_SIDE + x] = text.charAt(x) == '1' ? 1f : 0f;
                    }
                    row++;
                } else if (row == OPTDIGITS_SIDE) {
                    if (text.length() != 1 || !Character.isDigit(text.charAt(0))) {
                        throw new DigitsException(file + " line " + number
                                + ": expected the label after a bitmap, found \"" + text + "\"");
                    }
                    digits.add(new ScannedDigit(text.charAt(0) - '0', OPTDIGITS_SIDE, bitmap));
                    row = 0;
                } else if (row > 0) {
                    throw new DigitsException(file + " line " + number + ": a bitmap cut short after " + row + " rows");
                }
            }
        } catch (IOException e) {
            throw new DigitsException("cannot read optdigits bitmaps from " + file + ": " + e.getMessage(), e);
        }
        return digits;
    }

    /**
     * USPS as "The Elements of Statistical Learning" distributes it (raw or gzipped): one digit per
     * line, the label then 256 grey values in [-1, 1], -1 = paper.
     */
    public static List<ScannedDigit> usps(Path file) {
        List<ScannedDigit> digits = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 1 && fields[0].isEmpty()) {
                    continue;
                }
                if (fields.length != 1 + USPS_SIDE * USPS_SIDE) {
                    throw new DigitsException(file + " line " + number + ": expected a label and 256 values, found "
                            + fields.length + " fields");
                }
                float[] ink = new float[USPS_SIDE * USPS_SIDE];
                for (int i = 0; i < ink.length; i++) {
                    ink[i] = (Float.parseFloat(fields[i + 1]) + 1) / 2;
                }
                digits.add(new ScannedDigit((int) Float.parseFloat(fields[0]), USPS_SIDE, ink));
            }
        } catch (IOException | NumberFormatException e) {
            throw new DigitsException("cannot read USPS digits from " + file + ": " + e.getMessage(), e);
        }
        return digits;
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Unpacked.open(file), StandardCharsets.US_ASCII));
    }
}
