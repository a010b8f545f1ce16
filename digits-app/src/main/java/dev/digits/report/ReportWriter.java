package dev.digits.report;

import dev.digits.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.imageio.ImageIO;

/** Writes a model's research report: {@code report.html} and its figures (PNG files beside it). */
public final class ReportWriter {
    public static final String PAGE = "report.html";
    public static final String DEFAULT_DIRECTORY = "report";

    private ReportWriter() {}

    /** {@code <model directory>/report}. */
    public static Path defaultDirectory(Path modelDirectory) {
        return modelDirectory.resolve(DEFAULT_DIRECTORY);
    }

    /** Writes every figure, then the page (last, so a page never points at missing figures); returns the page. */
    public static Path write(ReportInputs inputs, Path directory) throws IOException {
        ReportContext context = ReportContext.of(inputs);
        List<Section> sections = List.of(
                DataSection.build(context),
                TrainingSection.build(inputs.card(), inputs.history()),
                ResultsSection.build(context),
                MistakesSection.build(context),
                NetworkSection.build(context));
        Files.createDirectories(directory);
        for (Section section : sections) {
            for (Figure figure : section.figures()) {
                AtomicFiles.write(directory.resolve(figure.file()), out -> {
                    if (!ImageIO.write(figure.image(), "png", out)) {
                        throw new IOException("no PNG writer for " + figure.file());
                    }
                });
            }
        }
        Path page = directory.resolve(PAGE);
        AtomicFiles.writeString(
                page,
                ReportPage.render(
                        inputs.card(),
                        inputs.modelDirectory(),
                        sections,
                        OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        return page;
    }
}
