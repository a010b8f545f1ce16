package dev.digits.spark;

import dev.digits.recognize.DigitRecognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public final class TmpBatch {
    public static void main(String[] args) throws Exception {
        List<byte[]> images = new ArrayList<>();
        try (Stream<Path> l = Files.list(Path.of(args[0]))) {
            for (Path p : l.sorted().toList()) images.add(Files.readAllBytes(p));
        }
        Thread t = new Thread(() -> {
            try (DigitRecognizer r = DigitRecognizer.load()) {
                for (int round = 0; round < 4; round++) {
                    long t0 = System.nanoTime();
                    for (byte[] b : images) r.predict(b);
                    long t1 = System.nanoTime();
                    for (int i = 0; i < images.size(); i += 32)
                        r.predictAll(images.subList(i, Math.min(images.size(), i + 32)));
                    long t2 = System.nanoTime();
                    System.out.printf("one by one %.2f s  batches of 32 %.2f s%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9);
                }
            }
        });
        t.start();
        t.join();
    }
}
