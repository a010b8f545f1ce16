package dev.digits.spark;

import dev.digits.DigitsException;
import dev.digits.recognize.DigitRecognizer;
import dev.digits.recognize.Prediction;
import dev.digits.recognize.Reading;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** What each partition does: its rows, each with the answer's columns appended, in the rows' order. */
final class Recognition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    enum Task {
        READ(DigitsSchema.READ, "read"),
        PREDICT(DigitsSchema.PREDICT, "predict");

        private final StructType added;
        private final String word;

        Task(StructType added, String word) {
            this.added = added;
            this.word = word;
        }

        StructType added() {
            return added;
        }

        String word() {
            return word;
        }
    }

    private final Task task;
    private final int content;
    /** The model's name among the job's files ({@link ExecutorRecognizers#ship}); null for the bundled one. */
    private final String model;

    Recognition(Task task, int content, String model) {
        this.task = task;
        this.content = content;
        this.model = model;
    }

    /**
     * Rows whose images go through the network together when each holds one digit: the partition's own
     * batch, on top of what the executor's concurrent tasks share.
     */
    static final int PREDICT_BATCH = 32;

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        DigitRecognizer recognizer = ExecutorRecognizers.get(model);
        return new Iterator<>() {
            private final Deque<Row> answered = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                return !answered.isEmpty() || rows.hasNext();
            }

            @Override
            public Row next() {
                if (answered.isEmpty()) {
                    if (task == Task.READ) {
                        Row row = rows.next();
                        return append(row, answer(recognizer, (byte[]) row.get(content)));
                    }
                    List<Row> batch = new ArrayList<>();
                    while (rows.hasNext() && batch.size() < PREDICT_BATCH) {
                        batch.add(rows.next());
                    }
                    answered.addAll(predictions(recognizer, batch));
                }
                return answered.remove();
            }
        };
    }

    /** The rows of one batch with their predictions, the network run once for all their images. */
    private List<Row> predictions(DigitRecognizer recognizer, List<Row> batch) {
        List<byte[]> images = new ArrayList<>();
        for (Row row : batch) {
            if (row.get(content) != null) {
                images.add((byte[]) row.get(content));
            }
        }
        List<DigitRecognizer.Outcome> outcomes;
        try {
            outcomes = recognizer.predictAll(images);
        } catch (RuntimeException e) {
            // Something no decoder turned into a message: read the batch row by row, so only its own row
            // says what went wrong.
            return batch.stream()
                    .map(row -> append(row, answer(recognizer, (byte[]) row.get(content))))
                    .toList();
        }
        List<Row> out = new ArrayList<>();
        Iterator<DigitRecognizer.Outcome> outcome = outcomes.iterator();
        for (Row row : batch) {
            if (row.get(content) == null) {
                out.add(append(row, failed("the image's content is null")));
                continue;
            }
            DigitRecognizer.Outcome next = outcome.next();
            out.add(append(
                    row, next.failure() != null ? failed(next.failure().getMessage()) : prediction(next.prediction())));
        }
        return out;
    }

    private Object[] answer(DigitRecognizer recognizer, byte[] image) {
        if (image == null) {
            return failed("the image's content is null");
        }
        try {
            return task == Task.READ ? reading(recognizer.read(image)) : prediction(recognizer.predict(image));
        } catch (DigitsException e) {
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            // A decoder's own failure on a hostile file (ImageIO throws unchecked exceptions too):
            // the row says so and the job goes on.
            return failed("the image cannot be read: " + e);
        }
    }

    private static Object[] reading(Reading reading) {
        List<Row> digits = reading.digits().stream()
                .map(d -> RowFactory.create(
                        RowFactory.create(
                                d.box().x(),
                                d.box().y(),
                                d.box().width(),
                                d.box().height()),
                        d.prediction().digit(),
                        d.prediction().confidence(),
                        d.prediction().sure(),
                        floats(d.prediction().probabilities())))
                .toList();
        return new Object[] {reading.text(), seq(digits), null};
    }

    private static Object[] prediction(Prediction p) {
        return new Object[] {p.digit(), p.confidence(), p.sure(), p.unsureBecause(), floats(p.probabilities()), null};
    }

    private Object[] failed(String error) {
        Object[] values = new Object[task.added().size()];
        values[values.length - 1] = error;
        return values;
    }

    private static Seq<Float> floats(float[] values) {
        List<Float> boxed = new ArrayList<>(values.length);
        for (float value : values) {
            boxed.add(value);
        }
        return seq(boxed);
    }

    /** An array column's value as Spark's row encoder takes it: a Scala sequence. */
    private static <T> Seq<T> seq(List<T> values) {
        return CollectionConverters.asScala(values);
    }

    private static Row append(Row row, Object[] added) {
        Object[] values = new Object[row.size() + added.length];
        for (int i = 0; i < row.size(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(added, 0, values, row.size(), added.length);
        return RowFactory.create(values);
    }
}
