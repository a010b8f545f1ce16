package dev.digits.recognize;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.digits.DigitsException;
import dev.digits.data.DigitSet;
import dev.digits.model.Classifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a network for many threads. A predictor is not thread-safe, so each run of the network holds
 * one. Calls that arrive while every predictor is busy wait, and then go through together in one
 * batch: one forward pass over several inputs costs much less per input than one pass each. A call
 * never waits for others to arrive: when a predictor is idle, the calls waiting run at once.
 *
 * <p>An input's probabilities may differ in the last bit with the batch it joins (the engine's
 * kernels sum in a different order for different batch sizes).
 */
final class PredictorPool implements AutoCloseable {
    /** The most inputs in one batch: larger batches gain nothing per input and keep the callers waiting. */
    static final int MAX_BATCH = 32;

    private final List<Predictor<float[], float[]>> all = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever a batch ends: its calls are done and its predictor is idle again. */
    private final Condition batchDone = lock.newCondition();

    private final Deque<Predictor<float[], float[]>> idle = new ArrayDeque<>();
    private final Deque<Call> waiting = new ArrayDeque<>();
    /** Forward passes run so far (guarded by {@link #lock}). */
    private long passes;

    /** Values of the output per input: the class probabilities of each of the model's readings of it. */
    private final int outputsPerInput;

    /** {@code size} predictors of the classifier: one reading of each input. */
    PredictorPool(Classifier classifier, int size) {
        this(classifier.model(), size, 1);
    }

    /** {@code size} predictors of {@code model}, which reads each input {@code readings} times (in several views). */
    PredictorPool(Model model, int size, int readings) {
        this.outputsPerInput = readings * DigitSet.CLASSES;
        for (int i = 0; i < size; i++) {
            Predictor<float[], float[]> predictor = model.newPredictor(new ProbabilityTranslator());
            all.add(predictor);
            idle.add(predictor);
        }
    }

    /** One call's inputs and, once its batch has run, its probabilities or what went wrong. */
    private static final class Call {
        final float[] inputs;
        float[] probabilities;
        Throwable failure;

        Call(float[] inputs) {
            this.inputs = inputs;
        }

        int count() {
            return inputs.length / DigitSet.PIXELS;
        }

        boolean done() {
            return probabilities != null || failure != null;
        }
    }

    /** Class probabilities {@code [n * 10]} for inputs {@code [n * 784]}, for each of the model's readings of each input. */
    float[] probabilities(float[] inputs) {
        if (inputs.length == 0 || inputs.length % DigitSet.PIXELS != 0) {
            throw new IllegalArgumentException(
                    "inputs must be a positive multiple of " + DigitSet.PIXELS + " values, got " + inputs.length);
        }
        Call mine = new Call(inputs);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done()) {
                if (idle.isEmpty()) {
                    awaitBatch(mine);
                    continue;
                }
                // This thread runs the calls waiting longest, its own among them unless more are waiting
                // than one batch takes; then it goes round again.
                Predictor<float[], float[]> predictor = idle.pop();
                List<Call> batch = takeBatch();
                passes++;
                lock.unlock();
                try {
                    run(predictor, batch);
                } finally {
                    lock.lock();
                    idle.push(predictor);
                    batchDone.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        return result(mine);
    }

    private void awaitBatch(Call mine) {
        try {
            batchDone.await();
        } catch (InterruptedException e) {
            waiting.remove(mine);
            Thread.currentThread().interrupt();
            throw new DigitsException("interrupted while waiting for the network", e);
        }
    }

    /** The calls waiting longest, up to {@link #MAX_BATCH} inputs (at least one call, however large). */
    private List<Call> takeBatch() {
        List<Call> batch = new ArrayList<>();
        int count = 0;
        while (!waiting.isEmpty() && (batch.isEmpty() || count + waiting.peek().count() <= MAX_BATCH)) {
            Call call = waiting.poll();
            batch.add(call);
            count += call.count();
        }
        return batch;
    }

    /** Runs one batch and gives each call its share of the output (or the failure). Called without the lock. */
    private void run(Predictor<float[], float[]> predictor, List<Call> batch) {
        float[] output;
        try {
            output = predictor.predict(concatenate(batch));
        } catch (TranslateException | RuntimeException | Error e) {
            Throwable failure = e instanceof TranslateException
                    ? new DigitsException("the model failed on this input: " + e.getMessage(), e)
                    : e;
            batch.forEach(call -> call.failure = failure);
            return;
        }
        int offset = 0;
        for (Call call : batch) {
            int length = call.count() * outputsPerInput;
            float[] probabilities = new float[length];
            System.arraycopy(output, offset, probabilities, 0, length);
            call.probabilities = probabilities;
            offset += length;
        }
    }

    private static float[] concatenate(List<Call> batch) {
        if (batch.size() == 1) {
            return batch.get(0).inputs;
        }
        float[] all =
                new float[batch.stream().mapToInt(call -> call.inputs.length).sum()];
        int offset = 0;
        for (Call call : batch) {
            System.arraycopy(call.inputs, 0, all, offset, call.inputs.length);
            offset += call.inputs.length;
        }
        return all;
    }

    private static float[] result(Call call) {
        if (call.failure instanceof RuntimeException e) {
            throw e;
        }
        if (call.failure instanceof Error e) {
            throw e;
        }
        return call.probabilities;
    }

    /** How many forward passes have run: fewer than the calls when calls went through together. */
    long passes() {
        lock.lock();
        try {
            return passes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
