package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.DigitsException;
import dev.digits.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ImageFilesTest {
    @Test
    void linesComeOutInTheOrderOfTheFilesWhateverOrderTheWorkersFinishIn() throws Exception {
        List<Path> files =
                IntStream.range(0, 60).mapToObj(i -> Path.of("f" + i + ".png")).toList();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = ImageFiles.forEach(
                    files,
                    true,
                    file -> {
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(5_000_000));
                        if (file.toString().startsWith("f1")) {
                            throw new DigitsException("no digit in " + file);
                        }
                        return "ok " + file;
                    },
                    4,
                    out);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(files.size(), lines.size());
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i).toString();
            if (file.startsWith("f1")) {
                Map<?, ?> error = Json.MAPPER.readValue(lines.get(i), Map.class);
                assertEquals(Map.of("file", file, "error", "no digit in " + file), error, "line " + i);
            } else {
                assertEquals("ok " + file, lines.get(i), "line " + i);
            }
        }
        assertEquals(1, exit, "a failed file makes the exit code 1");
    }
}
