package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.data.DatasetSpec;
import dev.digits.data.Mnist;
import dev.digits.eval.Evaluation;
import dev.digits.model.Classifier;
import dev.digits.model.Ensemble;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits ensemble}: several trained models that vote (averaged probabilities), saved as one model. */
@Command(
        name = "ensemble",
        sortOptions = false,
        description = "Combine trained models into one that averages their probabilities; usable wherever a model is.")
final class EnsembleCommand implements Callable<Integer> {
    @Option(
            names = "--models",
            paramLabel = "DIR",
            arity = "2..*",
            required = true,
            description = "Model directories (two or more).")
    List<Path> models;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the ensemble.")
    Path out;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws IOException {
        if (Files.exists(out.resolve(ModelDirectory.CARD))) {
            throw new DigitsException(out + " already holds a model; choose another --out");
        }
        List<ModelCard> cards = models.stream().map(ModelDirectory::readCard).toList();
        DatasetSpec spec = DatasetSpec.byName(cards.get(0).dataset());
        if (cards.stream().anyMatch(c -> !c.dataset().equals(spec.name()))) {
            throw new DigitsException("the models were trained on different data sets: "
                    + cards.stream().map(ModelCard::dataset).distinct().collect(Collectors.joining(", ")));
        }
        Mnist.Splits splits = Mnist.load(data.cache(), spec);
        try (Classifier ensemble = Ensemble.assemble(models)) {
            Evaluation test = Evaluation.of(ensemble, splits.test());
            Map<String, Object> members = new LinkedHashMap<>();
            members.put("members", models.stream().map(Path::toString).toList());
            members.put(
                    "member_test_accuracy",
                    cards.stream().map(c -> c.metric("test_accuracy")).toList());
            String command = "digits ensemble --models "
                    + models.stream().map(Path::toString).collect(Collectors.joining(" ")) + " --out " + out;
            ModelCard card = ModelCard.describing(out.getFileName().toString(), ensemble, spec)
                    .hyperparameters(members)
                    .dataSha256(cards.get(0).dataSha256())
                    .software(VersionProvider.software())
                    .command(command)
                    .metrics(test.metrics("test"))
                    .build();
            ModelDirectory.save(out, ensemble, card);
            for (int i = 0; i < cards.size(); i++) {
                System.out.printf(
                        Locale.ROOT,
                        "  member %s: test accuracy %.4f%n",
                        models.get(i),
                        cards.get(i).metric("test_accuracy"));
            }
            System.out.println("Saved " + out.toAbsolutePath());
            System.out.printf(Locale.ROOT, "test accuracy: %.4f%n", test.accuracy());
        }
        return 0;
    }
}
