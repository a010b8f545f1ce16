package dev.digits.recognize;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.digits.data.DigitSet;

/** A batch of 28x28 inputs ({@code [n * 784]} floats) in, class probabilities ({@code [n * 10]}) out. */
final class ProbabilityTranslator implements NoBatchifyTranslator<float[], float[]> {
    @Override
    public NDList processInput(TranslatorContext ctx, float[] inputs) {
        int count = inputs.length / DigitSet.PIXELS;
        return new NDList(ctx.getNDManager().create(inputs, new Shape(count, 1, DigitSet.SIDE, DigitSet.SIDE)));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList outputs) {
        return outputs.singletonOrThrow().softmax(1).toFloatArray();
    }
}
