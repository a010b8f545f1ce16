package dev.digits.data;

import dev.digits.DigitsException;
import java.nio.file.Path;
import java.util.Map;

/** Loads a data set of the MNIST family (verified through the cache) into memory. */
public final class Mnist {
    /** The published splits. */
    public record Splits(DatasetSpec spec, DigitSet train, DigitSet test) {}

    private Mnist() {}

    public static Splits load(DataCache cache, DatasetSpec spec) {
        Map<DataFile, Path> paths = cache.ensure(spec);
        return new Splits(
                spec,
                read(paths.get(spec.trainImages()), paths.get(spec.trainLabels())),
                read(paths.get(spec.testImages()), paths.get(spec.testLabels())));
    }

    /** Reads one images file and its labels file, checking that they belong together. */
    public static DigitSet read(Path imagesFile, Path labelsFile) {
        Idx.Contents images = Idx.read(imagesFile, 3);
        Idx.Contents labels = Idx.read(labelsFile, 1);
        int[] dims = images.dimensions();
        if (dims[1] != DigitSet.SIDE || dims[2] != DigitSet.SIDE) {
            throw new DigitsException(imagesFile.getFileName() + ": images are " + dims[1] + "x" + dims[2]
                    + ", expected " + DigitSet.SIDE + "x" + DigitSet.SIDE);
        }
        if (images.count() != labels.count()) {
            throw new DigitsException(imagesFile.getFileName() + " has " + images.count() + " images but "
                    + labelsFile.getFileName() + " has " + labels.count() + " labels");
        }
        for (int i = 0; i < labels.values().length; i++) {
            int label = labels.values()[i];
            if (label < 0 || label >= DigitSet.CLASSES) {
                throw new DigitsException(labelsFile.getFileName() + ": label " + i + " is " + label + ", expected 0.."
                        + (DigitSet.CLASSES - 1));
            }
        }
        return new DigitSet(images.values(), labels.values());
    }
}
