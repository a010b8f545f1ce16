package dev.digits.handwriting;

import dev.digits.DigitsException;
import dev.digits.data.DataCache;
import dev.digits.data.HandwritingFiles;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real handwriting this project trains on and measures with, and the one rule that keeps the
 * two apart: <b>a writer is trained on or measured, never both</b>.
 * <ul>
 *   <li>pendigits: writers whose number is a multiple of {@value #MEASURED_WRITER_MODULUS} are
 *       measured, the others trained on;</li>
 *   <li>USPS (writers unknown): the last {@value #USPS_MEASURED_PERCENT}% of the file is measured,
 *       the rest trained on;</li>
 *   <li>optdigits: the training and writer-dependent files are trained on, the cross-validation file
 *       measured (the same 30 writers wrote all three: this set measures new digits, not new writers);</li>
 *   <li>the folders of photos and drawings ({@code real/single}, {@code drawings-david},
 *       {@code real/numbers}) are measured only, never trained on.</li>
 * </ul>
 * Files come through the {@link DataCache} from their official source, or from {@code root} (the
 * layout of {@code shared/data}: {@code pendigits/}, {@code optdigits/}, {@code usps/}, {@code real/},
 * {@code drawings-david/}).
 */
public final class RealHandwriting {
    /** Environment variable naming the real handwriting directory (the {@code --handwriting-dir} option wins). */
    public static final String DIRECTORY_VARIABLE = "DIGITS_HANDWRITING_DIR";
    /** Where the project's development data lies beside a checkout. */
    public static final String DEFAULT_DIRECTORY = "../shared/data";

    static final int MEASURED_WRITER_MODULUS = 5;
    static final int USPS_MEASURED_PERCENT = 20;
    private static final long SEED = 20261126L;

    private final DataCache cache;
    private final Path root;

    public RealHandwriting(DataCache cache, Path root) {
        this.cache = cache;
        this.root = root;
    }

    public static Path defaultDirectory() {
        String configured = System.getenv(DIRECTORY_VARIABLE);
        return Path.of(configured != null && !configured.isBlank() ? configured : DEFAULT_DIRECTORY);
    }

    /** Whether pendigits writer {@code writer} is kept for measuring. */
    public static boolean measuredWriter(int writer) {
        return writer % MEASURED_WRITER_MODULUS == 0;
    }

    /** Every file of the three collections, for model cards. */
    public List<dev.digits.data.DataFile> files() {
        List<dev.digits.data.DataFile> files = new ArrayList<>();
        files.addAll(HandwritingFiles.pendigits(root).files());
        files.addAll(HandwritingFiles.optdigits(root).files());
        files.addAll(HandwritingFiles.usps(root).files());
        return files;
    }

    public List<PenDigit> penDigits() {
        return PenDigits.read(cache.ensure(HandwritingFiles.pendigits(root)).get(HandwritingFiles.PENDIGITS_TRAIN));
    }

    public List<ScannedDigit> optdigits(boolean measured) {
        var paths = cache.ensure(HandwritingFiles.optdigits(root));
        if (measured) {
            return ScannedDigits.optdigits(paths.get(HandwritingFiles.OPTDIGITS_CROSS_VALIDATION));
        }
        List<ScannedDigit> digits =
                new ArrayList<>(ScannedDigits.optdigits(paths.get(HandwritingFiles.OPTDIGITS_TRAIN)));
        digits.addAll(ScannedDigits.optdigits(paths.get(HandwritingFiles.OPTDIGITS_WRITER_DEPENDENT)));
        return digits;
    }

    public List<ScannedDigit> usps(boolean measured) {
        List<ScannedDigit> all =
                ScannedDigits.usps(cache.ensure(HandwritingFiles.usps(root)).get(HandwritingFiles.USPS_TRAIN));
        int split = all.size() - all.size() * USPS_MEASURED_PERCENT / 100;
        return measured ? all.subList(split, all.size()) : all.subList(0, split);
    }

    /** Every set the benchmark measures that can be had here, in the order users meet them. */
    public List<RealSet> benchmarkSets() {
        List<RealSet> sets = new ArrayList<>();
        List<PenDigit> measuredPen =
                penDigits().stream().filter(d -> measuredWriter(d.writer())).toList();
        sets.add(new PenSet(measuredPen));
        sets.add(new PairSet(measuredPen));
        sets.add(new PenNumberSet(measuredPen, PenNumberSet.NUMBERS));
        folder("real/single", "photos and drawings of one digit from public projects")
                .ifPresent(sets::add);
        folder("drawings-david", "200 drawings by one person, white on dark grey")
                .ifPresent(sets::add);
        List<ScannedDigit> usps = usps(true);
        sets.add(new ScanSet(
                "usps",
                "USPS zip-code scans, 16x16, the digit touches the border (last " + USPS_MEASURED_PERCENT
                        + "% of zip.train, not trained on)",
                usps,
                false));
        List<ScannedDigit> optdigits = optdigits(true);
        sets.add(new ScanSet(
                "optdigits",
                "NIST form bitmaps, 32x32 binary (optdigits-orig.cv; its writers are trained on)",
                optdigits,
                false));
        sets.add(new ScanSet(
                "optdigits-filled",
                "the same bitmaps cropped to the ink and stretched to fill 16x16",
                optdigits,
                true));
        folder("real/numbers", "phone photos and drawings of numbers").ifPresent(sets::add);
        return sets;
    }

    /**
     * Pictures for speed measurements, where who wrote them does not matter: the first {@code count} pen
     * digits of all writers, drawn as the benchmark's {@code pen} set draws them.
     */
    public RealSet penDigitsForSpeed(int count) {
        List<PenDigit> all = penDigits();
        return new PenSet(all.subList(0, Math.min(count, all.size())));
    }

    /** {@code count} numbers of 2 to 5 pen digits, made as the benchmark's {@code pen-numbers} set makes them. */
    public RealSet penNumbersForSpeed(int count) {
        return new PenNumberSet(penDigits(), count);
    }

    private java.util.Optional<RealSet> folder(String relative, String description) {
        Path directory = root.resolve(relative);
        if (!Files.isDirectory(directory)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(FolderSet.of(relative, description, directory));
    }

    /** Pen strokes of the measured writers, drawn as the page draws them, one pen per sample in turn. */
    private record PenSet(List<PenDigit> digits) implements RealSet {
        @Override
        public String name() {
            return "pen";
        }

        @Override
        public String description() {
            long writers = digits.stream().mapToInt(PenDigit::writer).distinct().count();
            return "pendigits strokes of " + writers + " writers not trained on, drawn on the page's 400x400 canvas"
                    + " (widths 4/12/25/40, both polarities)";
        }

        @Override
        public int size() {
            return digits.size();
        }

        @Override
        public RealSample sample(int index) {
            PenDigit digit = digits.get(index);
            Pen pen = Pen.forBenchmark(index, new SplittableRandom(SEED + index));
            return new RealSample(
                    "writer " + digit.writer() + " #" + index + " width " + (int) pen.width()
                            + (pen.lightOnDark() ? " light" : " dark"),
                    Integer.toString(digit.label()),
                    null,
                    PenCanvas.draw(digit, pen));
        }
    }

    /**
     * Two consecutive pen digits of the measured writers side by side on one canvas, where one digit is
     * expected: the honest answer is "unsure" (or none), never a confident single digit.
     */
    private record PairSet(List<PenDigit> digits) implements RealSet {
        static final int PAIRS = 500;

        @Override
        public String name() {
            return "pairs";
        }

        @Override
        public boolean notOneDigit() {
            return true;
        }

        @Override
        public String description() {
            return "two pen digits side by side where one is expected: right when marked unsure or refused";
        }

        @Override
        public int size() {
            return Math.min(PAIRS, digits.size() / 2);
        }

        @Override
        public RealSample sample(int index) {
            SplittableRandom random = new SplittableRandom(SEED - index);
            PenDigit left = digits.get(2 * index);
            PenDigit right = digits.get(2 * index + 1);
            Pen pen = Pen.forBenchmark(index, random);
            return new RealSample(
                    "pair #" + index + " (" + left.label() + right.label() + ")",
                    "",
                    null,
                    PenCanvas.draw(PenDigits.sideBySide(left, right, 0.2), pen));
        }
    }

    /**
     * Numbers of 2 to 5 pen digits by one measured writer, written left to right with gaps of 5% to
     * 40% of a digit's height, across an 800x800 canvas; read exactly.
     */
    private record PenNumberSet(List<PenDigit> digits, int size) implements RealSet {
        static final int NUMBERS = 300;

        @Override
        public String name() {
            return "pen-numbers";
        }

        @Override
        public String description() {
            return "numbers of 2-5 pen digits by one writer not trained on, read exactly";
        }

        @Override
        public boolean numbers() {
            return true;
        }

        @Override
        public RealSample sample(int index) {
            SplittableRandom random = new SplittableRandom(SEED + 7919L * index);
            int length = 2 + random.nextInt(4);
            int writer = digits.get(random.nextInt(digits.size())).writer();
            List<PenDigit> own =
                    digits.stream().filter(d -> d.writer() == writer).toList();
            PenDigit number = own.get(random.nextInt(own.size()));
            StringBuilder label = new StringBuilder().append(number.label());
            for (int i = 1; i < length; i++) {
                PenDigit next = own.get(random.nextInt(own.size()));
                number = PenDigits.sideBySide(number, next, 0.05 + 0.35 * random.nextDouble());
                label.append(next.label());
            }
            Pen pen = Pen.forBenchmark(index, random);
            Pen wide = new Pen(2 * pen.canvas(), pen.width(), pen.lightOnDark(), 0.9, 0, 0);
            return new RealSample("pen number #" + index, label.toString(), null, PenCanvas.draw(number, wide));
        }
    }

    /** Scans as pictures, alternately dark ink on paper and light on black; optionally cropped to fill their box. */
    private record ScanSet(String name, String description, List<ScannedDigit> digits, boolean filled)
            implements RealSet {
        @Override
        public int size() {
            return digits.size();
        }

        @Override
        public RealSample sample(int index) {
            ScannedDigit digit = filled ? Scans.filled(digits.get(index), ScannedDigits.USPS_SIDE) : digits.get(index);
            return new RealSample(
                    name + " #" + index, Integer.toString(digit.label()), null, digit.image(index % 2 == 1));
        }
    }

    /** Image files with their labels: a {@code labels.json} of file name to text, else the last number in each file name. */
    record FolderSet(String name, String description, List<Path> files, List<String> labels, boolean numbers)
            implements RealSet {
        private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\.[A-Za-z]+$");

        static FolderSet of(String name, String description, Path directory) {
            Map<String, String> labels = new TreeMap<>();
            Path labelFile = directory.resolve("labels.json");
            try {
                if (Files.isRegularFile(labelFile)) {
                    Map<?, ?> read = Json.read(labelFile, Map.class);
                    read.forEach((file, label) -> labels.put(file.toString(), label.toString()));
                } else {
                    try (Stream<Path> list = Files.list(directory)) {
                        for (Path file : list.sorted(Comparator.naturalOrder()).toList()) {
                            Matcher m = LAST_NUMBER.matcher(file.getFileName().toString());
                            if (m.find()) {
                                labels.put(file.getFileName().toString(), m.group(1));
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new DigitsException("cannot read the labels of " + directory + ": " + e.getMessage(), e);
            }
            List<Path> files = labels.keySet().stream().map(directory::resolve).toList();
            boolean numbers = labels.values().stream().anyMatch(label -> label.length() > 1);
            return new FolderSet(name, description, files, List.copyOf(labels.values()), numbers);
        }

        @Override
        public int size() {
            return files.size();
        }

        @Override
        public RealSample sample(int index) {
            return new RealSample(
                    name + "/" + files.get(index).getFileName(), labels.get(index), files.get(index), null);
        }
    }
}
