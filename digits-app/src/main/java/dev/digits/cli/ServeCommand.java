package dev.digits.cli;

import dev.digits.recognize.DigitRecognizer;
import dev.digits.serve.DigitsServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code digits serve}: the drawing page and the REST API, until Ctrl-C. */
@Command(
        name = "serve",
        sortOptions = false,
        description = "Start the web page (draw a digit) and the REST API.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  digits serve                          # http://localhost:8080",
            "  digits serve --host 0.0.0.0 --port 9000 --model models/strong-mnist-2026-11-24"
        })
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "Model directory; repeat to serve several, which the page and ?model=NAME pick from, "
                    + "the first by default (default: the model bundled with digits).")
    List<Path> models = new ArrayList<>();

    @Option(
            names = "--feedback",
            paramLabel = "DIR",
            description = "Keep corrections sent from the page (\"Wrong? Tell us the digit\") in DIR, as PNGs and "
                    + "labels.csv (default: off).")
    Path feedback;

    @Option(
            names = "--feedback-limit",
            paramLabel = "N",
            defaultValue = "" + DigitsServer.Options.DEFAULT_FEEDBACK_LIMIT,
            description = "Most corrections kept in --feedback DIR (default: ${DEFAULT-VALUE}).")
    int feedbackLimit;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "N",
            defaultValue = "" + DigitsServer.Options.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}, 5 MiB).")
    long maxBodyBytes;

    @Option(
            names = "--max-pixels",
            paramLabel = "N",
            defaultValue = "" + DigitsServer.Options.DEFAULT_MAX_PIXELS,
            description = "Largest image accepted, in pixels, checked before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(
            names = "--cors",
            paramLabel = "ORIGIN",
            split = ",",
            description = "Let pages from ORIGIN (such as https://example.org; * for any) call the API from a "
                    + "browser; repeat or separate with commas (default: none).")
    List<String> cors = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Path report = models.isEmpty() ? null : models.get(0).resolve("report");
        DigitsServer.Options options = Usage.check(
                spec,
                () -> DigitsServer.Options.on(host, port)
                        .withLimits(maxBodyBytes, maxPixels)
                        .withReport(report)
                        .withCors(cors)
                        .withFeedback(feedback, feedbackLimit));
        List<DigitRecognizer> recognizers = new ArrayList<>();
        try {
            if (models.isEmpty()) {
                recognizers.add(DigitRecognizer.load());
            }
            for (Path model : models) {
                recognizers.add(DigitRecognizer.load(model));
            }
        } catch (RuntimeException e) {
            recognizers.forEach(DigitRecognizer::close);
            throw e;
        }
        DigitsServer server = new DigitsServer(recognizers, options).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("digits: stopping (requests in flight may finish)...");
                            server.stop();
                            recognizers.forEach(DigitRecognizer::close);
                            stopped.countDown();
                        },
                        "digits-shutdown"));
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.printf(
                "digits is ready: http://%s:%d/  (API docs: http://%s:%d/api.html; %s %s; Ctrl-C stops)%n",
                shownHost,
                server.port(),
                shownHost,
                server.port(),
                recognizers.size() == 1 ? "model" : "models",
                recognizers.stream().map(r -> r.card().name()).collect(java.util.stream.Collectors.joining(", ")));
        stopped.await();
        return 0;
    }
}
