package dev.digits.train;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.digits.io.AtomicFiles;
import dev.digits.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The epochs of a run, written as {@code history.csv} and {@code history.json} (one row per epoch). */
public final class History {
    public static final String CSV = "history.csv";
    public static final String JSON = "history.json";

    private History() {}

    public static void write(Path directory, List<EpochStats> epochs) throws IOException {
        StringBuilder csv =
                new StringBuilder("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds\n");
        for (EpochStats e : epochs) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%d,%.6f,%.6f,%.6f,%.6f,%.3f%n",
                    e.epoch(),
                    e.trainLoss(),
                    e.trainAccuracy(),
                    e.validationLoss(),
                    e.validationAccuracy(),
                    e.seconds()));
        }
        AtomicFiles.writeString(directory.resolve(CSV), csv.toString());
        Json.writeFile(directory.resolve(JSON), epochs);
    }

    public static List<EpochStats> read(Path directory) throws IOException {
        return Json.MAPPER.readValue(directory.resolve(JSON).toFile(), new TypeReference<List<EpochStats>>() {});
    }
}
