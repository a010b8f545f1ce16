package dev.digits.cli;

import dev.digits.data.DatasetSpec;
import dev.digits.data.Mnist;
import dev.digits.eval.Evaluation;
import dev.digits.eval.EvaluationText;
import dev.digits.io.Json;
import dev.digits.model.Classifier;
import dev.digits.model.ModelCard;
import dev.digits.model.ModelDirectory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code digits evaluate}: accuracy, loss, confusion matrix and per-class metrics on the test set. */
@Command(name = "evaluate", description = "Evaluate a saved model on the 10,000 test images.")
final class EvaluateCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            paramLabel = "DIR",
            required = true,
            description = "Model directory (as written by digits train).")
    Path model;

    @Option(
            names = "--json",
            description = "Print one JSON object (keys as in model.json, plus confusion_matrix and per_class).")
    boolean json;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        ModelCard card = ModelDirectory.readCard(model);
        DatasetSpec spec = DatasetSpec.byName(card.dataset());
        Mnist.Splits splits = Mnist.load(data.cache(), spec);
        Evaluation evaluation;
        try (Classifier classifier = ModelDirectory.load(model)) {
            evaluation = Evaluation.of(classifier, splits.test());
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.toString());
            out.put("architecture", card.architecture());
            out.putAll(evaluation.metrics("test"));
            out.put("test_count", evaluation.count());
            out.put("confusion_matrix", evaluation.confusion());
            out.put("per_class", evaluation.perClass());
            System.out.println(Json.writeLine(out));
        } else {
            System.out.println("model: " + model + " (" + card.architecture() + ", "
                    + String.format("%,d", card.parameters()) + " parameters)");
            System.out.print(EvaluationText.render(evaluation, spec.classNames()));
        }
        return 0;
    }
}
