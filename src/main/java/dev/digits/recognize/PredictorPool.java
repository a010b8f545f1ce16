package dev.digits.recognize;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import dev.digits.DigitsException;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Predictors are not thread-safe: each call borrows one from the pool and gives it back. */
final class PredictorPool implements AutoCloseable {
    private final BlockingQueue<Predictor<float[], float[]>> idle;
    private final List<Predictor<float[], float[]>> all = new ArrayList<>();

    PredictorPool(Classifier classifier, int size) {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Predictor<float[], float[]> predictor = classifier.model().newPredictor(new ProbabilityTranslator());
            all.add(predictor);
            idle.add(predictor);
        }
    }

    /** Class probabilities {@code [n * 10]} for inputs {@code [n * 784]}. */
    float[] probabilities(float[] inputs) {
        Predictor<float[], float[]> predictor;
        try {
            predictor = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigitsException("interrupted while waiting for a free predictor", e);
        }
        try {
            return predictor.predict(inputs);
        } catch (TranslateException e) {
            throw new DigitsException("the model failed on this input: " + e.getMessage(), e);
        } finally {
            idle.add(predictor);
        }
    }

    @Override
    public void close() {
        all.forEach(Predictor::close);
    }
}
