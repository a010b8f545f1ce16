package dev.digits.model;

import dev.digits.data.DatasetSpec;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * What a model is and how it came to be; saved as {@code model.json} beside the parameters.
 *
 * @param architecture the {@link Architecture#name()} that rebuilds the network
 * @param hyperparameters what training used (epochs, batch size, learning rate, seed, …)
 * @param dataSha256 SHA-256 of each data file the model was trained and tested on
 * @param software versions of what produced the model
 * @param command the command line that reproduces the model
 * @param metrics {@code test_accuracy}, {@code test_loss} and validation figures
 */
public record ModelCard(
        String name,
        String architecture,
        String description,
        long parameters,
        String dataset,
        List<String> classes,
        String input,
        Map<String, Object> hyperparameters,
        Map<String, String> dataSha256,
        Map<String, String> software,
        String created,
        String command,
        Map<String, Double> metrics) {

    public static final String INPUT = "1x28x28 float32, 0 = background, 1 = full ink (MNIST pixel / 255)";

    /**
     * A card for {@code classifier}, saved as {@code name}, for the classes of {@code dataset};
     * created now. The rest (what made it, from what data, how well it does) is added on the builder.
     */
    public static Builder describing(String name, Classifier classifier, DatasetSpec dataset) {
        return new Builder(name, classifier, dataset);
    }

    /** The parts of a card that say how the model came to be; each is empty until set. */
    public static final class Builder {
        private final String name;
        private final Classifier classifier;
        private final DatasetSpec dataset;
        private Map<String, Object> hyperparameters = Map.of();
        private Map<String, String> dataSha256 = Map.of();
        private Map<String, String> software = Map.of();
        private String command = "";
        private Map<String, Double> metrics = Map.of();

        private Builder(String name, Classifier classifier, DatasetSpec dataset) {
            this.name = name;
            this.classifier = classifier;
            this.dataset = dataset;
        }

        public Builder hyperparameters(Map<String, Object> value) {
            hyperparameters = value;
            return this;
        }

        public Builder dataSha256(Map<String, String> value) {
            dataSha256 = value;
            return this;
        }

        public Builder software(Map<String, String> value) {
            software = value;
            return this;
        }

        public Builder command(String value) {
            command = value;
            return this;
        }

        public Builder metrics(Map<String, Double> value) {
            metrics = value;
            return this;
        }

        public ModelCard build() {
            Architecture architecture = classifier.architecture();
            return new ModelCard(
                    name,
                    architecture.name(),
                    architecture.description(),
                    classifier.parameterCount(),
                    dataset.name(),
                    dataset.classNames(),
                    INPUT,
                    hyperparameters,
                    dataSha256,
                    software,
                    OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    command,
                    metrics);
        }
    }

    public ModelCard withMetrics(Map<String, Double> newMetrics) {
        return new ModelCard(
                name,
                architecture,
                description,
                parameters,
                dataset,
                classes,
                input,
                hyperparameters,
                dataSha256,
                software,
                created,
                command,
                Map.copyOf(newMetrics));
    }

    public Double metric(String key) {
        return metrics == null ? null : metrics.get(key);
    }
}
