package dev.digits.train;

import ai.djl.MalformedModelException;
import dev.digits.DigitsException;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import dev.digits.model.Classifier;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to continue a run after its last finished epoch, in one file written
 * atomically ({@code checkpoint.bin}): the options, the history so far, the parameters, the
 * optimizer's state, the parameters of the best epoch so far and the weight average (if any). The shuffling of each epoch is derived from the seed and the epoch number,
 * so nothing else is needed for the resumed run to match an uninterrupted one bit for bit.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint.bin";
    private static final String MAGIC = "digits-checkpoint-3";
    /** Version 2 had no weight average; it reads as version 3 with an empty one. */
    private static final String MAGIC_2 = "digits-checkpoint-2";

    /** The parts of a checkpoint that are plain data. */
    public record State(TrainingOptions options, String command, List<EpochStats> history, int bestEpoch) {}

    private Checkpoint() {}

    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE));
    }

    static void save(
            Path directory,
            State state,
            Classifier classifier,
            ResumableAdam optimizer,
            BestEpoch best,
            WeightAverage average)
            throws IOException {
        byte[] averaged = average.isOn() ? average.classifier().parameterBytes() : new byte[0];
        byte[] header = Json.writeLine(state).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(directory.resolve(FILE), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeInt(header.length);
            out.write(header);
            classifier.writeParameters(out);
            optimizer.save(out, classifier.parameterIds());
            out.writeInt(best.parameters().length);
            out.write(best.parameters());
            out.writeInt(averaged.length);
            out.write(averaged);
            out.flush();
        });
    }

    /** Reads only the plain data (to learn the options before building the network). */
    public static State readState(Path directory) {
        try (DataInputStream in = open(directory)) {
            return readHeader(in, directory);
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
    }

    /**
     * Restores parameters, optimizer state and weight average into freshly built objects; returns
     * the best epoch so far.
     */
    static BestEpoch restore(Path directory, Classifier classifier, ResumableAdam optimizer, WeightAverage average) {
        try (DataInputStream in = open(directory)) {
            State state = readHeader(in, directory);
            classifier.readParameters(in);
            optimizer.load(classifier.manager(), in, classifier.parameterIds());
            byte[] bestParameters = in.readNBytes(in.readInt());
            // A version-2 checkpoint ends here (the file stream reports the bytes left exactly).
            byte[] averaged = in.available() > 0 ? in.readNBytes(in.readInt()) : new byte[0];
            if (average.isOn()) {
                average.classifier()
                        .restoreParameterBytes(averaged.length > 0 ? averaged : classifier.parameterBytes());
            }
            return state.bestEpoch() == 0
                    ? BestEpoch.NONE
                    : BestEpoch.of(state.history().get(state.bestEpoch() - 1), bestParameters);
        } catch (IOException | MalformedModelException e) {
            throw unreadable(directory, e);
        }
    }

    private static DataInputStream open(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DigitsException("no checkpoint in " + directory + " (" + FILE + " is missing); "
                    + "--resume takes the output directory of a run that finished at least one epoch");
        }
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static State readHeader(DataInputStream in, Path directory) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic) && !MAGIC_2.equals(magic)) {
            throw new DigitsException(directory.resolve(FILE) + " is not a digits checkpoint");
        }
        byte[] header = in.readNBytes(in.readInt());
        return Json.MAPPER.readValue(header, State.class);
    }

    private static DigitsException unreadable(Path directory, Exception e) {
        return new DigitsException(
                directory.resolve(FILE) + ": cannot read the checkpoint (" + e.getMessage()
                        + "); start a new run without --resume",
                e);
    }
}
