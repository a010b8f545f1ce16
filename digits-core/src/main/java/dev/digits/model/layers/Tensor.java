package dev.digits.model.layers;

import java.util.Arrays;

/** A dense float32 array in row-major (C) order, as HDF5 stores it and as DJL takes it. */
public record Tensor(long[] shape, float[] data) {
    public Tensor {
        if (Arrays.stream(shape).reduce(1, (a, b) -> a * b) != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
        }
    }

    public static Tensor filled(long size, float value) {
        float[] data = new float[Math.toIntExact(size)];
        Arrays.fill(data, value);
        return new Tensor(new long[] {size}, data);
    }

    public int rank() {
        return shape.length;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + shapeText();
    }
}
