package dev.digits.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.digits.HeadlessChromium;
import dev.digits.TestData;
import dev.digits.TestImages;
import dev.digits.data.DataCache;
import dev.digits.handwriting.PenDigit;
import dev.digits.handwriting.PenDigits;
import dev.digits.handwriting.RealHandwriting;
import dev.digits.recognize.DigitRecognizer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The drawing page in real headless Chromium, against a real server on loopback. */
@Tag("slow")
class BrowserTest {
    private static DigitRecognizer recognizer;
    private static DigitsServer server;
    private static ChromeDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        recognizer = DigitRecognizer.load();
        server = new DigitsServer(recognizer, DigitsServer.Options.on("127.0.0.1", 0)).start();
        profile = Files.createTempDirectory("chromium-profile");
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
            recognizer.close();
        }
    }

    @BeforeEach
    void open() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get("http://127.0.0.1:" + server.port() + "/");
        // Each test starts from the system's theme, whatever an earlier one chose.
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b ->
                        b.findElements(By.cssSelector("#probabilities .bar")).size() == 10);
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> !b.findElement(By.id("model-name")).getText().equals("…"));
    }

    /** Strokes in pad units (the pad is 400x400), drawn with the mouse through pointer events. */
    private static void draw(List<double[][]> strokes) {
        WebElement pad = browser.findElement(By.id("pad"));
        double scale = pad.getSize().getWidth() / 400.0;
        for (double[][] stroke : strokes) {
            Actions actions = new Actions(browser, Duration.ofMillis(1));
            int x = (int) Math.round((stroke[0][0] - 200) * scale);
            int y = (int) Math.round((stroke[0][1] - 200) * scale);
            actions.moveToElement(pad, x, y).clickAndHold();
            for (int i = 1; i < stroke.length; i++) {
                int nx = (int) Math.round((stroke[i][0] - 200) * scale);
                int ny = (int) Math.round((stroke[i][1] - 200) * scale);
                actions.moveByOffset(nx - x, ny - y);
                x = nx;
                y = ny;
            }
            actions.release().perform();
        }
    }

    private static List<double[][]> strokes(double[][]... strokes) {
        return List.of(strokes);
    }

    /** Points along straight segments through the given corners, every 10 units. */
    private static double[][] path(double... corners) {
        java.util.List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i + 3 < corners.length; i += 2) {
            double x0 = corners[i], y0 = corners[i + 1], x1 = corners[i + 2], y1 = corners[i + 3];
            int steps = (int) Math.max(1, Math.hypot(x1 - x0, y1 - y0) / 10);
            for (int s = 0; s < steps; s++) {
                points.add(new double[] {x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps});
            }
        }
        points.add(new double[] {corners[corners.length - 2], corners[corners.length - 1]});
        return points.toArray(new double[0][]);
    }

    private static double[][] ellipse(double cx, double cy, double rx, double ry) {
        double[][] points = new double[41][];
        for (int i = 0; i <= 40; i++) {
            double t = 2 * Math.PI * i / 40;
            points[i] = new double[] {cx + rx * Math.sin(t), cy - ry * Math.cos(t)};
        }
        return points;
    }

    private static WebElement awaitAnswer() {
        WebElement prediction = browser.findElement(By.id("prediction"));
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(20))
                .until(b -> "ready".equals(prediction.getAttribute("data-state")));
        return prediction;
    }

    /**
     * Waits for the page to show {@code expected}: for an answer to an example, whose picture loads before
     * the request is sent, so the pad may still show the previous answer as ready for a moment.
     */
    private static WebElement awaitDigit(String expected) {
        WebElement prediction = browser.findElement(By.id("prediction"));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(20))
                    .until(b -> "ready".equals(prediction.getAttribute("data-state"))
                            && expected.equals(prediction.getAttribute("data-digit")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page should read " + expected + "; it shows '"
                    + prediction.getAttribute("data-digit") + "' (" + prediction.getAttribute("data-state") + ")");
        }
        return prediction;
    }

    private static String digitAfterDrawing(List<double[][]> strokes) {
        draw(strokes);
        return awaitAnswer().getAttribute("data-digit");
    }

    private static void clear() {
        browser.findElement(By.id("clear")).click();
        assertEquals("", awaitAnswer().getAttribute("data-digit"));
    }

    @Test
    void recognisesDigitsAsTheyAreDrawn() throws IOException {
        assertEquals("1", digitAfterDrawing(strokes(path(205, 70, 195, 330))));
        clear();
        assertEquals("7", digitAfterDrawing(strokes(path(110, 90, 290, 90, 170, 330))));
        clear();
        assertEquals("0", digitAfterDrawing(strokes(ellipse(200, 200, 85, 125))));
        WebElement prediction = browser.findElement(By.id("prediction"));
        double confidence = Double.parseDouble(prediction.getAttribute("data-confidence"));
        double zeroBar = Double.parseDouble(browser.findElement(By.cssSelector("#probabilities [data-digit=\"0\"]"))
                .getAttribute("data-probability"));
        assertEquals(confidence, zeroBar, 1e-6, "the bar of the predicted digit shows its confidence");
        double sum = 0;
        for (WebElement bar : browser.findElements(By.cssSelector("#probabilities [data-digit]"))) {
            sum += Double.parseDouble(bar.getAttribute("data-probability"));
        }
        assertEquals(1.0, sum, 1e-3);
        screenshot("web-digit.png");

        browser.findElement(By.id("undo")).click();
        assertEquals("", awaitAnswer().getAttribute("data-digit"), "undoing the only stroke leaves an empty pad");
    }

    /**
     * Pen strokes of real writers the bundled model was never trained on, replayed as pointer events at
     * the page's default width: every {@link #PEN_STRIDE}th digit of the measured pendigits writers.
     */
    @Test
    void realPenStrokesOfNewWritersAreReadOnThePage() {
        Path shared = Path.of(RealHandwriting.DEFAULT_DIRECTORY);
        Assumptions.assumeTrue(
                Files.isDirectory(shared.resolve("pendigits")),
                "skipped: the real pen strokes (shared/data/pendigits beside the repository) are absent");
        List<PenDigit> measured = new RealHandwriting(new DataCache(DataCache.defaultDirectory()), shared)
                .penDigits().stream()
                        .filter(d -> RealHandwriting.measuredWriter(d.writer()))
                        .toList();
        int right = 0;
        int count = 0;
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < measured.size(); i += PEN_STRIDE) {
            PenDigit digit = measured.get(i);
            clear();
            replay(onPad(digit));
            String read = awaitAnswer().getAttribute("data-digit");
            count++;
            if (read.equals(Integer.toString(digit.label()))) {
                right++;
            } else {
                wrong.append(' ').append(digit.label()).append("→").append(read);
            }
        }
        double accuracy = (double) right / count;
        System.out.printf(
                java.util.Locale.ROOT,
                "page, real pen strokes of new writers: %d of %d read right (%.1f%%); wrong:%s%n",
                right,
                count,
                100 * accuracy,
                wrong);
        assertTrue(accuracy >= 0.94, right + " of " + count + " read right; wrong:" + wrong);
    }

    /** Every how many measured digits one is replayed: 150 by default; {@code -Ddigits.page.penStride=1} replays all 1,499. */
    private static final int PEN_STRIDE = Integer.getInteger("digits.page.penStride", 10);
    /** Pad units between the replayed points of a stroke: the tablet sampled more densely than a mouse reports. */
    private static final double PEN_STEP = 4;

    /**
     * Strokes in pad units replayed as the pointer events a pen or mouse sends (down, moves, up), all
     * in one script: the page's own handlers draw them and ask for the answer, as for a person, without
     * a WebDriver round trip per point.
     */
    private static void replay(List<double[][]> strokes) {
        ((JavascriptExecutor) browser)
                .executeScript(
                        String.join(
                                "\n",
                                "const pad = document.getElementById('pad');",
                                "const r = pad.getBoundingClientRect();",
                                "const at = (p) => ({clientX: r.left + p[0] * r.width / pad.width, clientY: r.top + p[1] * r.height / pad.height,",
                                "  pointerId: 1, pointerType: 'mouse', button: 0, buttons: 1, bubbles: true, cancelable: true});",
                                "for (const stroke of arguments[0]) {",
                                "  pad.dispatchEvent(new PointerEvent('pointerdown', at(stroke[0])));",
                                "  for (const p of stroke.slice(1)) pad.dispatchEvent(new PointerEvent('pointermove', at(p)));",
                                "  pad.dispatchEvent(new PointerEvent('pointerup', at(stroke[stroke.length - 1])));",
                                "}"),
                        strokes);
    }

    /** A pen digit's strokes in pad units: its longer side 60% of the pad, centred. */
    private static List<double[][]> onPad(PenDigit digit) {
        float[] b = PenDigits.bounds(digit);
        double scale = 240 / Math.max(1, Math.max(b[2] - b[0], b[3] - b[1]));
        List<double[][]> strokes = new java.util.ArrayList<>();
        for (float[] s : digit.strokes()) {
            List<double[]> points = new java.util.ArrayList<>();
            for (int i = 0; i < s.length / 2; i++) {
                double[] p = {
                    200 + (s[2 * i] - (b[0] + b[2]) / 2) * scale, 200 + (s[2 * i + 1] - (b[1] + b[3]) / 2) * scale
                };
                double[] last = points.isEmpty() ? null : points.get(points.size() - 1);
                if (last == null || i == s.length / 2 - 1 || Math.hypot(p[0] - last[0], p[1] - last[1]) >= PEN_STEP) {
                    points.add(p);
                }
            }
            strokes.add(points.toArray(new double[0][]));
        }
        return strokes;
    }

    @Test
    void anAnswerThatArrivesAfterThePadChangedIsNotShown() {
        // Hold the page's answers until the test lets them through, so that one arrives just after a clear.
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(
                "const realFetch = window.fetch; window.held = [];"
                        + "window.fetch = (...args) => realFetch(...args).then(r => new Promise(resolve => window.held.push(() => resolve(r))));");
        draw(strokes(path(200, 80, 200, 320)));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> ((Number) page.executeScript("return window.held.length")).intValue() > 0);
        browser.findElement(By.id("clear")).click();
        page.executeScript("window.held.splice(0).forEach(release => release())");
        assertEquals("", awaitAnswer().getAttribute("data-digit"), "the answer for the stroke arrived after the clear");
    }

    @Test
    void strokeWidthChangesTheInk() {
        draw(strokes(path(200, 80, 200, 320)));
        awaitAnswer();
        long thick = inkPixels();
        clear();
        WebElement slider = browser.findElement(By.id("stroke-width"));
        slider.sendKeys(Keys.HOME);
        for (int i = 0; i < 5; i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        assertEquals("6", slider.getAttribute("value"));
        assertEquals("6", browser.findElement(By.id("stroke-width-value")).getText());
        assertEquals("1", digitAfterDrawing(strokes(path(200, 80, 200, 320))));
        long thin = inkPixels();
        assertTrue(thin * 3 < thick, "a 6 px stroke inks far less than a 25 px one: " + thin + " vs " + thick);
    }

    @Test
    void readsANumberInNumberMode() throws IOException {
        new Select(browser.findElement(By.id("mode"))).selectByValue("number");
        draw(strokes(path(90, 100, 80, 300), path(180, 110, 320, 110, 230, 310)));
        WebElement prediction = awaitAnswer();
        assertEquals("17", prediction.getAttribute("data-text"));
        assertEquals(
                2,
                browser.findElements(By.cssSelector("#seen-digits .seen-digit")).size());
        Object seenInk = ((JavascriptExecutor) browser)
                .executeScript(
                        "const d = document.getElementById('seen').getContext('2d').getImageData(0, 0, 28, 28).data;"
                                + "let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 127) n++; return n;");
        assertTrue(((Number) seenInk).intValue() > 20, "the selected digit's 28x28 input is shown: " + seenInk);
        screenshot("web-number.png");
    }

    @Test
    void recognisesAnUploadedFile() throws IOException {
        Path file = Files.createTempFile("digit", ".png");
        Files.write(file, TestImages.png(TestImages.digits(6, 4)));
        browser.findElement(By.id("upload")).sendKeys(file.toAbsolutePath().toString());
        assertEquals(String.valueOf(TestImages.label(4)), awaitAnswer().getAttribute("data-digit"));
        Files.delete(file);
    }

    @Test
    void worksOnAPhoneSizedScreenWithoutConsoleErrors() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        assertEquals("1", digitAfterDrawing(strokes(path(205, 70, 195, 330))));
        WebElement pad = browser.findElement(By.id("pad"));
        assertTrue(pad.getSize().getWidth() <= 390, "the pad fits the screen: " + pad.getSize());
        assertEquals("none", pad.getCssValue("touch-action"), "touch drawing does not scroll the page");
        screenshot("web-phone.png");
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList());
    }

    private static long inkPixels() {
        Object count = ((JavascriptExecutor) browser)
                .executeScript(
                        "const c = document.getElementById('pad'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                                + "let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 127) n++; return n;");
        return ((Number) count).longValue();
    }

    @Test
    void namesTheClassesOfAModelTrainedOnAnotherDataSet() throws IOException {
        // The page takes its labels from the model card: a Fashion-MNIST card must show clothes, not digits.
        Path directory = Files.createTempDirectory("fashion-model");
        List<String> names = dev.digits.data.DatasetSpec.FASHION.classNames();
        dev.digits.model.ModelCard bundled = dev.digits.model.BundledModel.READER.card();
        dev.digits.model.ModelCard card = new dev.digits.model.ModelCard(
                "fashion-card",
                bundled.architecture(),
                bundled.description(),
                bundled.parameters(),
                "fashion",
                names,
                bundled.input(),
                bundled.hyperparameters(),
                bundled.dataSha256(),
                bundled.software(),
                bundled.created(),
                bundled.command(),
                java.util.Map.of("test_accuracy", 0.9));
        try (dev.digits.model.Classifier classifier = dev.digits.model.BundledModel.READER.load()) {
            dev.digits.model.ModelDirectory.save(directory, classifier, card);
        }
        try (DigitRecognizer fashion = DigitRecognizer.load(directory)) {
            DigitsServer fashionServer = new DigitsServer(fashion, DigitsServer.Options.on("127.0.0.1", 0)).start();
            try {
                browser.get("http://127.0.0.1:" + fashionServer.port() + "/");
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(b -> b.findElement(By.id("model-name")).getText().equals("fashion-card"));
                List<String> labels = browser.findElements(By.cssSelector("#probabilities .bar .label")).stream()
                        .map(WebElement::getText)
                        .toList();
                assertEquals(names, labels);
                assertTrue(
                        browser.findElement(By.id("model-accuracy")).getText().startsWith("Fashion-MNIST"));
                draw(strokes(path(205, 70, 195, 330)));
                WebElement prediction = awaitAnswer();
                int index = Integer.parseInt(prediction.getAttribute("data-digit"));
                assertEquals(
                        names.get(index), browser.findElement(By.id("answer")).getText(), "the answer is a class name");
                screenshot("web-fashion.png");
            } finally {
                fashionServer.stop();
            }
        }
    }

    /** WCAG 2.2 AA as axe-core checks it, in the light and the dark theme, with an answer on screen. */
    @Test
    void theAccessibilityCheckerFindsNothingInEitherTheme() throws IOException {
        assertEquals("7", digitAfterDrawing(strokes(path(110, 90, 290, 90, 170, 330))));
        for (String theme : List.of("light", "dark")) {
            if (!theme.equals(browser.findElement(By.tagName("html")).getAttribute("data-theme"))) {
                browser.findElement(By.id("theme")).click();
            }
            assertEquals(theme, browser.findElement(By.tagName("html")).getAttribute("data-theme"));
            assertEquals(List.of(), axeViolations(), theme + " theme");
        }
        String background = browser.findElement(By.tagName("html")).getCssValue("background-color");
        assertTrue(background.startsWith("rgba(14, 18, 32") || background.startsWith("rgb(14, 18, 32"), background);
        screenshot("web-dark.png");
        browser.navigate().refresh();
        assertEquals(
                "dark",
                browser.findElement(By.tagName("html")).getAttribute("data-theme"),
                "the choice survives a reload");
        browser.findElement(By.id("theme")).click();
    }

    /** axe-core's violations of WCAG 2.0 to 2.2, A and AA, as "rule: first offending element". */
    private static List<String> axeViolations() throws IOException {
        String axe;
        try (var in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
            assertTrue(in != null, "axe.min.js on the test classpath (com.deque.html.axe-core:selenium)");
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(axe);
        Object result = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: "
                + "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.nodes[0].html)))"
                + ".catch(e => done(['axe failed: ' + e]));");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    @Test
    void everyControlIsReachableByKeyboardWithAVisibleFocusRing() {
        browser.findElement(By.tagName("body")).click();
        java.util.Set<String> reached = new java.util.LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            String name = focused.getAttribute("id").isEmpty()
                    ? focused.getAttribute("data-src")
                    : focused.getAttribute("id");
            if (name != null && !name.isEmpty()) {
                reached.add(name);
                assertTrue(!focused.getCssValue("outline-style").equals("none"), name + " shows where focus is");
            }
        }
        for (String control : List.of(
                "theme",
                "mode",
                "stroke-width",
                "undo",
                "redo",
                "eraser",
                "clear",
                "upload-button",
                "/examples/canvas-4.png",
                "/examples/number-6771.png")) {
            assertTrue(reached.contains(control), control + " is reached with Tab: " + reached);
        }
        // An example, chosen with the keyboard alone, is read.
        browser.findElement(By.cssSelector("#examples [data-src='/examples/canvas-4.png']"))
                .sendKeys(Keys.ENTER);
        awaitDigit("4");
    }

    @Test
    void examplesLoadWithOneClickInTheModeTheyNeed() throws IOException {
        browser.findElement(By.cssSelector("#examples [data-src='/examples/photo-5.jpg']"))
                .click();
        awaitDigit("5");
        browser.findElement(By.cssSelector("#examples [data-src='/examples/number-873420.png']"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> "873420".equals(b.findElement(By.id("prediction")).getAttribute("data-text")));
        assertEquals(
                "number",
                new Select(browser.findElement(By.id("mode")))
                        .getFirstSelectedOption()
                        .getAttribute("value"));
        screenshot("web-example.png");
    }

    @Test
    void onlyTheAnswerToAFinishedStrokeIsAnnounced() {
        WebElement pad = browser.findElement(By.id("pad"));
        double scale = pad.getSize().getWidth() / 400.0;
        Actions stroke = new Actions(browser, Duration.ofMillis(1));
        stroke.moveToElement(pad, 0, (int) (-130 * scale)).clickAndHold();
        stroke.moveByOffset(0, (int) (100 * scale)).perform();
        // Pause mid-stroke long enough for an answer to come.
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> "ready".equals(b.findElement(By.id("prediction")).getAttribute("data-state")));
        assertEquals("", browser.findElement(By.id("announcement")).getText(), "nothing is said while the pen is down");
        new Actions(browser, Duration.ofMillis(1))
                .moveByOffset(0, (int) (130 * scale))
                .release()
                .perform();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(b -> ((String) ((JavascriptExecutor) b)
                                .executeScript("return document.getElementById('announcement').textContent"))
                        .startsWith("The reader"));
        String said = (String) ((JavascriptExecutor) browser)
                .executeScript("return document.getElementById('announcement').textContent");
        assertTrue(said.contains(browser.findElement(By.id("prediction")).getAttribute("data-digit")), said);
        assertEquals(
                null,
                browser.findElement(By.cssSelector(".result-card")).getAttribute("aria-live"),
                "the bars are not a live region");
    }

    @Test
    void clearCanBeUndoneAndRedoneAndTheEraserRemovesInk() {
        assertEquals("1", digitAfterDrawing(strokes(path(205, 70, 195, 330))));
        long drawn = inkPixels();
        clear();
        browser.findElement(By.id("undo")).click();
        assertEquals("1", awaitAnswer().getAttribute("data-digit"), "undo brings the cleared drawing back");
        assertEquals(drawn, inkPixels());
        browser.findElement(By.id("redo")).click();
        assertEquals("", awaitAnswer().getAttribute("data-digit"), "redo clears it again");
        browser.findElement(By.id("undo")).click();
        awaitAnswer();
        browser.findElement(By.id("eraser")).click();
        assertEquals("true", browser.findElement(By.id("eraser")).getAttribute("aria-pressed"));
        draw(strokes(path(200, 60, 200, 200)));
        awaitAnswer();
        long erased = inkPixels();
        assertTrue(erased < drawn * 0.7, "the eraser took the top half of the 1 away: " + erased + " of " + drawn);
        browser.findElement(By.id("eraser")).click();
    }

    @Test
    void theAnswerDownloadsAndItsCurlCommandAsksTheSame() throws Exception {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        // Catch downloads: keep each link's file name and contents instead of saving it.
        page.executeScript(
                "window.downloads = [];"
                        + "HTMLAnchorElement.prototype.click = function () {"
                        + "  const name = this.download; fetch(this.href).then(r => r.blob()).then(async b =>"
                        + "    window.downloads.push({name, type: b.type, size: b.size, text: b.type.includes('json') ? await b.text() : ''})); };");
        assertEquals("7", digitAfterDrawing(strokes(path(110, 90, 290, 90, 170, 330))));
        browser.findElement(By.id("download-png")).click();
        browser.findElement(By.id("download-json")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> ((Number) page.executeScript("return window.downloads.length")).intValue() == 2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> downloads = (List<Map<String, Object>>) page.executeScript("return window.downloads");
        Map<String, Object> png = downloads.stream()
                .filter(d -> d.get("name").equals("digits-7.png"))
                .findFirst()
                .orElseThrow();
        assertEquals("image/png", png.get("type"));
        Map<String, Object> json = downloads.stream()
                .filter(d -> d.get("name").equals("digits-7.json"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                7,
                dev.digits.io.Json.MAPPER
                        .readTree((String) json.get("text"))
                        .get("digit")
                        .asInt());

        browser.findElement(By.id("copy-curl")).click();
        WebElement curl = browser.findElement(By.id("curl"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(b -> curl.isDisplayed());
        String command = curl.getText();
        String prefix = "curl -H 'Content-Type: application/json' --data '";
        assertTrue(
                command.startsWith(prefix)
                        && command.endsWith("' 'http://127.0.0.1:" + server.port() + "/api/v1/predict'"),
                command);
        String body = command.substring(prefix.length(), command.lastIndexOf("' 'http"));
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/v1/predict"))
                                .header("Content-Type", "application/json")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(
                7,
                dev.digits.io.Json.MAPPER.readTree(response.body()).get("digit").asInt(),
                "the command asks what the page asked");
    }

    @Test
    void theModelPickerChoosesWhoAnswersAndACorrectionIsKeptOnDisk() throws IOException {
        Path feedback = Files.createTempDirectory("feedback");
        try (DigitRecognizer cutter = DigitRecognizer.load(ApiTest.cutterDirectory())) {
            DigitsServer both = new DigitsServer(
                            List.of(recognizer, cutter),
                            DigitsServer.Options.on("127.0.0.1", 0).withFeedback(feedback, 10))
                    .start();
            try {
                browser.get("http://127.0.0.1:" + both.port() + "/");
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(b -> b.findElement(By.id("model-name")).getText().equals("digits-bundled"));
                WebElement picker = browser.findElement(By.id("model"));
                assertTrue(picker.isDisplayed(), "two models: the picker shows");
                new Select(picker).selectByValue("digits-bundled-cutter");
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(b -> b.findElement(By.id("model-name")).getText().equals("digits-bundled-cutter"));
                assertEquals("7", digitAfterDrawing(strokes(path(110, 90, 290, 90, 170, 330))));
                WebElement label = browser.findElement(By.id("feedback-label"));
                assertTrue(label.isDisplayed(), "the server keeps corrections: the form shows");
                label.sendKeys("1");
                browser.findElement(By.id("feedback-send")).click();
                new WebDriverWait(browser, Duration.ofSeconds(10))
                        .until(b -> b.findElement(By.id("feedback-status"))
                                .getText()
                                .startsWith("Thank you"));
                List<String> labels = Files.readAllLines(feedback.resolve("labels.csv"));
                assertEquals(List.of("file,label", "000001-1.png,1"), labels);
                assertTrue(Files.size(feedback.resolve("000001-1.png")) > 100, "the drawing is kept as a PNG");
                assertEquals(List.of(), axeViolations(), "the picker and the form pass the accessibility check");
                screenshot("web-models.png");
            } finally {
                both.stop();
            }
        }
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), TestData.artifacts().resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
