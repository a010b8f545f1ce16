package dev.digits.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.digits.DigitsException;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several networks that vote: each sees the same input, their class probabilities are averaged.
 * The output is the log of the average, so it behaves as logits everywhere (softmax gives the average back).
 * Members are named architectures; their list is saved as {@code ensemble.json} beside the parameters.
 */
public record Ensemble(List<Network> members) implements Buildable {
    public static final String NAME = "ensemble";
    public static final String FILE = "ensemble.json";

    public Ensemble {
        if (members.size() < 2) {
            throw new DigitsException("an ensemble needs at least two models, got " + members.size());
        }
        members = List.copyOf(members);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "average of " + members.size() + " networks: "
                + members.stream().map(Network::name).collect(Collectors.joining(", "));
    }

    @Override
    public Block newBlock() {
        return new ParallelBlock(
                Ensemble::averageProbabilities,
                members.stream().map(Network::newBlock).toList());
    }

    private static NDList averageProbabilities(List<NDList> memberLogits) {
        NDArray sum = null;
        for (NDList logits : memberLogits) {
            NDArray probabilities = logits.singletonOrThrow().softmax(1);
            sum = sum == null ? probabilities : sum.add(probabilities);
        }
        return new NDList(sum.div(memberLogits.size()).log());
    }

    /** An ensemble of the trained models in {@code memberDirectories}, their parameters loaded. */
    public static Classifier assemble(List<Path> memberDirectories) {
        List<Network> architectures =
                memberDirectories.stream().map(Ensemble::memberArchitecture).toList();
        Classifier ensemble = Classifier.create(new Ensemble(architectures), 0);
        try {
            for (int i = 0; i < memberDirectories.size(); i++) {
                Path parameters = memberDirectories.get(i).resolve(ModelDirectory.PARAMETERS);
                try (var in = new java.io.DataInputStream(
                        new java.io.BufferedInputStream(Files.newInputStream(parameters)))) {
                    ensemble.block().getChildren().get(i).getValue().loadParameters(ensemble.manager(), in);
                } catch (IOException | ai.djl.MalformedModelException e) {
                    throw new DigitsException(
                            parameters + ": cannot load this member's parameters (" + e.getMessage() + ")", e);
                }
            }
            return ensemble;
        } catch (RuntimeException e) {
            ensemble.close();
            throw e;
        }
    }

    private static Network memberArchitecture(Path directory) {
        String name = ModelDirectory.readCard(directory).architecture();
        if (Architectures.all().stream().noneMatch(a -> a.name().equals(name))) {
            throw new DigitsException(directory + " is a '" + name + "' model; an ensemble takes models trained here ("
                    + Architectures.all().stream().map(Network::name).collect(Collectors.joining(", ")) + ")");
        }
        return Architectures.byName(name);
    }

    @Override
    public void writeDescription(Path directory) throws IOException {
        Json.writeFile(
                directory.resolve(FILE), members.stream().map(Network::name).toList());
    }

    public static Ensemble read(Path directory) {
        Path file = directory.resolve(FILE);
        try {
            List<String> names = Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<List<String>>() {});
            return new Ensemble(names.stream().map(Architectures::byName).toList());
        } catch (IOException e) {
            throw new DigitsException(file + ": cannot read the ensemble's member list (" + e.getMessage() + ")", e);
        }
    }
}
