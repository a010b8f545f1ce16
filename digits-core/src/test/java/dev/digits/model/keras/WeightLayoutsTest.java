package dev.digits.model.keras;

import static dev.digits.model.keras.KerasTestModels.counting;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.digits.model.layers.Tensor;
import org.junit.jupiter.api.Test;

class WeightLayoutsTest {
    @Test
    void convKernelGoesFromHwioToOihw() {
        // Keras kernel (h=1, w=2, in=2, out=3); each value is its own row-major index ((h·2 + w)·2 + i)·3 + o.
        Tensor hwio = counting(1, 2, 2, 3);
        Tensor oihw = WeightLayouts.convKernelToDjl(hwio);
        assertArrayEquals(new long[] {3, 2, 1, 2}, oihw.shape());
        // oihw[o][i][0][x] = hwio[0][x][i][o] = (x * 2 + i) * 3 + o, listed in o, i, x order by hand:
        assertArrayEquals(
                new float[] {
                    0, 6, 3, 9, // o=0: i=0 (x=0,1), i=1 (x=0,1)
                    1, 7, 4, 10, // o=1
                    2, 8, 5, 11
                }, // o=2
                oihw.data());
    }

    @Test
    void convKernelConversionsAreInverse() {
        Tensor hwio = counting(3, 2, 4, 5);
        assertEquals(hwio, WeightLayouts.convKernelToKeras(WeightLayouts.convKernelToDjl(hwio)));
    }

    @Test
    void denseKernelIsTransposed() {
        Tensor keras = counting(3, 2); // (inputs 3, units 2): [[0, 1], [2, 3], [4, 5]]
        Tensor djl = WeightLayouts.transpose(keras);
        assertArrayEquals(new long[] {2, 3}, djl.shape());
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, djl.data());
        assertEquals(keras, WeightLayouts.transpose(djl));
    }

    @Test
    void denseInputsFollowingAChannelsFirstFlattenAreReorderedChannelsLast() {
        // One unit reading a flattened (C=2, H=1, W=2) image: DJL columns are c0x0, c0x1, c1x0, c1x1;
        // Keras columns are x0c0, x0c1, x1c0, x1c1.
        Tensor djl = new Tensor(new long[] {1, 4}, new float[] {10, 11, 20, 21});
        Tensor keras = WeightLayouts.inputsChannelsFirstToLast(djl, 2, 1, 2);
        assertArrayEquals(new float[] {10, 20, 11, 21}, keras.data());
    }

    @Test
    void wrongRanksAndSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WeightLayouts.convKernelToDjl(counting(3, 3)));
        assertThrows(IllegalArgumentException.class, () -> WeightLayouts.transpose(counting(2, 2, 2)));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> WeightLayouts.inputsChannelsFirstToLast(counting(1, 5), 2, 1, 2));
        assertEquals("Dense weight has 5 inputs, the flattened image has 4", e.getMessage());
    }

    @Test
    void flippedKernelIsTurnedByHalfATurnInEachChannelPair() {
        // 2x3 kernel, 1 in, 2 out: hwio[y][x][0][o] = 10 * (3y + x) + o
        float[] values = new float[12];
        for (int i = 0; i < 12; i++) {
            values[i] = 10 * (i / 2) + i % 2;
        }
        Tensor flipped = WeightLayouts.flipKernel(new Tensor(new long[] {2, 3, 1, 2}, values));
        // (0, 0) takes (1, 2): 10 * 5 + o; (1, 0) takes (0, 2): 10 * 2 + o
        assertEquals(50f, flipped.data()[0]);
        assertEquals(51f, flipped.data()[1]);
        assertEquals(20f, flipped.data()[(3 + 0) * 2]);
        assertEquals(0f, flipped.data()[11 - 1]);
    }
}
