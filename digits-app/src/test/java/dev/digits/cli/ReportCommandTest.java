package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.digits.HeadlessChromium;
import dev.digits.TestData;
import dev.digits.io.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The report of a small model trained here: written by train and by report, complete, consistent with
 * {@code digits evaluate --json}, self-contained, and rendered by a real browser without errors.
 */
@Tag("slow")
class ReportCommandTest {
    private static final List<String> SECTIONS = List.of("data", "training", "results", "mistakes", "network");
    private static final Set<String> FIGURES = Set.of(
            "data-samples.png",
            "data-class-distribution.png",
            "training-curves.png",
            "training-epoch-times.png",
            "results-confusion-matrix.png",
            "mistakes-gallery.png",
            "mistakes-least-confident-correct.png",
            "network-first-layer-filters.png",
            "network-feature-maps-conv1.png",
            "network-feature-maps-conv2.png",
            "network-feature-maps-conv3.png",
            "network-saliency.png",
            "network-embedding-pca.png",
            "network-embedding-tsne.png");

    @TempDir
    static Path dir;

    static Path model;
    static Path report;
    static Document page;
    static JsonNode evaluation;

    @BeforeAll
    static void trainEvaluateAndReport() throws IOException {
        TestData.mnist();
        model = dir.resolve("model");
        CliRunner.Run train =
                CliRunner.run("train", "--out", model.toString(), "--limit", "1500", "--epochs", "2", "--seed", "7");
        assertEquals(0, train.exitCode(), train.err());
        CliRunner.Run evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        evaluation = Json.MAPPER.readTree(evaluate.out());
        report = dir.resolve("elsewhere");
        CliRunner.Run run = CliRunner.run("report", "--model", model.toString(), "--out", report.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Report: " + report.resolve("report.html").toAbsolutePath(),
                run.out().strip());
        page = Jsoup.parse(report.resolve("report.html").toFile(), "UTF-8");
    }

    @Test
    void trainWritesTheSameReportIntoTheModelDirectory() throws IOException {
        Path written = model.resolve("report");
        assertTrue(Files.isRegularFile(written.resolve("report.html")));
        assertEquals(pngs(report), pngs(written), "the same figures");
        Document trained = Jsoup.parse(written.resolve("report.html").toFile(), "UTF-8");
        assertEquals(
                page.select("[data-key]").eachText(),
                trained.select("[data-key]").eachText(),
                "the same numbers");
    }

    @Test
    void everySectionAndFigureIsPresentWithAReadingGuideAndEachPngDecodesAtItsDeclaredSize() throws IOException {
        assertEquals(SECTIONS, page.select("main > section").eachAttr("id"));
        assertEquals(
                SECTIONS.stream().map(s -> "#" + s).toList(),
                page.select("nav a").eachAttr("href"));
        assertEquals(
                new TreeSet<>(FIGURES),
                new TreeSet<>(page.select("figure img").eachAttr("src")),
                "every figure is shown");
        assertEquals(new TreeSet<>(FIGURES), pngs(report), "and written, and nothing else");
        for (Element figure : page.select("figure")) {
            Element img = figure.selectFirst("img");
            String guide = figure.select("figcaption .guide").text();
            assertTrue(guide.length() > 80, img.attr("src") + " has a reading guide: " + guide);
            BufferedImage png = ImageIO.read(report.resolve(img.attr("src")).toFile());
            assertNotNull(png, img.attr("src") + " decodes");
            assertEquals(Integer.parseInt(img.attr("width")), png.getWidth(), img.attr("src") + " width");
            assertEquals(Integer.parseInt(img.attr("height")), png.getHeight(), img.attr("src") + " height");
            assertTrue(png.getWidth() >= 300 && png.getHeight() >= 200, img.attr("src") + " is a real figure");
        }
        assertEquals(
                1280,
                ImageIO.read(report.resolve("training-curves.png").toFile()).getWidth());
        assertTrue(page.select("#training table.history tbody tr").size() == 2, "one history row per epoch");
        assertTrue(page.selectFirst("#no-history") == null, "a trained model has its history");
    }

    @Test
    void numbersMatchEvaluateJson() {
        assertEquals(decimal(evaluation.get("test_accuracy")), value("test_accuracy"));
        assertEquals(decimal(evaluation.get("test_loss")), value("test_loss"));
        assertEquals(
                String.format(Locale.ROOT, "%,d", evaluation.get("test_count").asInt()), value("test_count"));
        JsonNode confusion = evaluation.get("confusion_matrix");
        int errors = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                int count = confusion.get(t).get(p).asInt();
                assertEquals(String.valueOf(count), value("confusion_" + t + "_" + p));
                errors += t == p ? 0 : count;
            }
        }
        assertTrue(errors > 0, "a small model makes mistakes to show");
        assertEquals(String.format(Locale.ROOT, "%,d", errors), value("errors"));
        assertEquals(String.format(Locale.ROOT, "%,d", errors), value("mistakes"));
        for (JsonNode c : evaluation.get("per_class")) {
            String d = c.get("digit").asText();
            assertEquals(decimal(c.get("precision")), value("precision_" + d));
            assertEquals(decimal(c.get("recall")), value("recall_" + d));
            assertEquals(decimal(c.get("f1")), value("f1_" + d));
            assertEquals(String.format(Locale.ROOT, "%,d", c.get("support").asInt()), value("support_" + d));
        }
        assertEquals("1,500", value("split_train"), "the training split as the run used it (--limit 1500)");
        assertEquals("5,000", value("split_validation"));
        assertEquals("10,000", value("split_test"));
    }

    @Test
    void thePageNeedsNothingFromTheNetwork() {
        assertTrue(
                page.select("script[src], link, iframe, object, embed").isEmpty(),
                "no external scripts or style sheets");
        for (String src : page.select("img").eachAttr("src")) {
            assertTrue(src.matches("[a-z0-9-]+\\.png"), "figures are files beside the page: " + src);
        }
        assertFalse(page.select("style").html().contains("url("), "no fonts or images fetched by the style sheet");
    }

    @Test
    void rendersInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        HeadlessChromium.assumeInstalled();
        ChromeDriver browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
        try {
            browser.get(report.resolve("report.html").toUri().toString());
            Object broken = browser.executeScript(
                    "return Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)");
            assertEquals(List.of(), broken, "every figure loads");
            assertEquals(
                    SECTIONS.size(),
                    ((Number) browser.executeScript("return document.querySelectorAll('main > section').length"))
                            .intValue());
            Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
            Map<String, Object> shot = browser.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", 1280, "height", height.intValue(), "scale", 1)));
            Path screenshot = TestData.artifacts().resolve("report-screenshot.png");
            Files.write(screenshot, Base64.getDecoder().decode((String) shot.get("data")));
            assertEquals(
                    height.intValue(), ImageIO.read(screenshot.toFile()).getHeight(), "the whole page is captured");
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                    .map(LogEntry::toString)
                    .toList();
            assertEquals(List.of(), errors, "console errors and warnings");
        } finally {
            browser.quit();
        }
        Files.copy(
                report.resolve("results-confusion-matrix.png"),
                TestData.artifacts().resolve("report-confusion-matrix.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String value(String key) {
        List<String> values = page.select("[data-key=" + key + "]").eachText();
        assertEquals(1, values.size(), "the report shows " + key + " once");
        return values.get(0);
    }

    private static String decimal(JsonNode value) {
        return String.format(Locale.ROOT, "%.4f", value.asDouble());
    }

    private static Set<String> pngs(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".png"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
