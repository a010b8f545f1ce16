package dev.digits.model;

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
