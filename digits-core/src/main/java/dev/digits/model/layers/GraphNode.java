package dev.digits.model.layers;

import java.util.List;

/**
 * One step of a {@link LayerSpec.GraphSpec}: a chain of {@code layers} applied to the output of one earlier
 * node, or a {@code merge} of several. Inputs are indices of earlier nodes; {@link #INPUT} is the graph's input.
 */
public record GraphNode(List<LayerSpec> layers, Merge merge, List<Integer> inputs) {
    public static final int INPUT = -1;

    public GraphNode {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
        if (merge == null && inputs.size() != 1 || merge != null && !layers.isEmpty()) {
            throw new IllegalArgumentException("a graph node is layers on one input or a merge of several, not "
                    + layers.size() + " layers on " + inputs.size() + " inputs with merge " + merge);
        }
    }

    public static GraphNode layers(List<LayerSpec> layers, int input) {
        return new GraphNode(layers, null, List.of(input));
    }

    public static GraphNode merge(Merge merge, List<Integer> inputs) {
        return new GraphNode(List.of(), merge, inputs);
    }
}
