package dev.digits.report;

import dev.digits.data.DigitSet;
import dev.digits.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Section 5: the learned filters, what each convolution sees, which pixels decide, and how the classes separate. */
final class NetworkSection {
    static final String FILTERS = "network-first-layer-filters.png";
    static final String SALIENCY = "network-saliency.png";
    static final String PCA = "network-embedding-pca.png";
    static final String TSNE = "network-embedding-tsne.png";
    /** The digits whose feature maps are shown: the first test image of each of these classes. */
    static final int[] FEATURE_MAP_CLASSES = {0, 4, 7};

    static final int SALIENCY_MISTAKES = 5;
    // The embeddings use the first test images only: the report must stay fast (t-SNE is O(n^2)), and
    // a few thousand points already show the clusters (more would hide each other).
    static final int PCA_POINTS = 2000;
    static final int TSNE_POINTS = 1000;
    private static final long TSNE_SEED = 42;

    private NetworkSection() {}

    static String featureMapFile(int layer) {
        return "network-feature-maps-conv" + layer + ".png";
    }

    static Section build(ReportContext context) {
        Classifier classifier = context.inputs().classifier();
        DigitSet test = context.inputs().data().test();
        LayerProbe probe = new LayerProbe(classifier);
        Section section = new Section("network", "5. Inside the network");

        LayerProbe.Weights weights = probe.firstConvolutionWeights();
        section.figure(new Figure(
                FILTERS,
                String.format(
                        Locale.ROOT,
                        "The %d filters of the first convolution (%dx%d)",
                        weights.filters(),
                        weights.height(),
                        weights.width()),
                "Each square is one learned 3x3 filter: red weights "
                        + "add the pixel's ink, blue ones subtract it, white ignores it (one colour scale for all). Filters with a red "
                        + "side next to a blue side detect edges in that direction; a filter that is all pale contributes little.",
                NetworkImages.filters(weights)));

        DigitSet chosen = firstOfClasses(test, FEATURE_MAP_CLASSES);
        List<LayerProbe.FeatureMaps> layers = probe.featureMaps(chosen);
        for (LayerProbe.FeatureMaps maps : layers) {
            section.figure(new Figure(
                    featureMapFile(maps.layer()),
                    String.format(
                            Locale.ROOT,
                            "Feature maps of convolution %d of %d (%d channels, %dx%d)",
                            maps.layer(),
                            layers.size(),
                            maps.channels(),
                            maps.height(),
                            maps.width()),
                    featureMapGuide(maps.layer(), layers.size()),
                    NetworkImages.featureMaps(chosen, maps)));
        }

        section.figure(saliency(classifier, test, context));

        float[][] features = probe.penultimate(test, Math.min(PCA_POINTS, test.size()));
        byte[] labels = test.labels();
        Embedding.Projection pca = Embedding.pca(features);
        section.figure(new Figure(
                PCA,
                "PCA of the penultimate layer",
                String.format(
                        Locale.ROOT,
                        "The %d-dimensional input of "
                                + "the last layer for the first %,d test images, projected on its two main directions (%.0f%% of the variance). "
                                + "Classes the last layer can separate with straight lines form separate groups; groups that overlap here may "
                                + "still separate in the other dimensions.",
                        features[0].length,
                        features.length,
                        100 * pca.explained()),
                EmbeddingChart.render("PCA", pca.points(), labels)));
        float[][] tsneFeatures = java.util.Arrays.copyOf(features, Math.min(TSNE_POINTS, features.length));
        Embedding.Projection tsne = Embedding.tsne(tsneFeatures, TSNE_SEED);
        section.figure(new Figure(
                TSNE,
                "t-SNE of the penultimate layer",
                String.format(
                        Locale.ROOT,
                        "The same activations for "
                                + "the first %,d test images, laid out so that images with similar activations stay close. Tight, separate "
                                + "clusters mean the network has learned distinct representations; points inside another class's cluster are "
                                + "usually its mistakes. Distances between clusters mean little in t-SNE.",
                        tsneFeatures.length),
                EmbeddingChart.render("t-SNE", tsne.points(), labels)));
        return section;
    }

    private static String featureMapGuide(int layer, int layers) {
        String common = " Each row is one digit, each square one channel after its activation (bright = strong; "
                + "scaled per digit and layer).";
        if (layer == 1) {
            return "The first layer responds to local strokes and edges: most maps still look like the digit, each lit along "
                    + "the edges of one orientation." + common;
        }
        if (layer == layers) {
            return "The last convolution works on a coarse grid: a map no longer looks like the digit, it says whether a part "
                    + "was found, and different digits light different channels." + common;
        }
        return "Deeper layers combine the edges found before them into parts (curves, corners, line ends), on coarser "
                + "maps after each pooling; fewer channels fire for any one digit." + common;
    }

    private static Figure saliency(Classifier classifier, DigitSet test, ReportContext context) {
        int[] firsts = new int[DigitSet.CLASSES];
        List<Integer> indices = new ArrayList<>();
        for (int digit = 0; digit < DigitSet.CLASSES; digit++) {
            firsts[digit] = firstOf(test, digit);
            if (firsts[digit] >= 0) {
                indices.add(firsts[digit]);
            }
        }
        List<Verdict> verdicts = Verdict.all(test.labels(), context.logProbabilities());
        Verdict.mistakes(verdicts).stream().limit(SALIENCY_MISTAKES).forEach(v -> indices.add(v.index()));
        DigitSet chosen = pick(test, indices);
        int[] classes = new int[indices.size()];
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < indices.size(); i++) {
            Verdict v = verdicts.get(indices.get(i));
            classes[i] = v.predicted();
            captions.add(v.correct() ? "predicted " + v.predicted() : v.label() + " \u2192 " + v.predicted());
        }
        float[] gradients = Saliency.of(classifier, chosen, classes);
        return new Figure(
                SALIENCY,
                "Saliency: which pixels drive the decision",
                "Left the digit, right the size of the gradient "
                        + "of the predicted class's score with respect to each pixel (bright = changing that pixel changes the score "
                        + "most). The first two rows show the first test image of each class (in red where the model gets it wrong), "
                        + "the last row the model's most confident mistakes. Bright pixels on the strokes that tell the digit apart (the bar of a 7, the "
                        + "gap of a 4) are a good sign; bright background or a mistake lit up on one stray stroke shows what misled it.",
                NetworkImages.saliency(chosen, gradients, captions));
    }

    private static DigitSet firstOfClasses(DigitSet set, int[] classes) {
        List<Integer> indices = new ArrayList<>();
        for (int digit : classes) {
            int index = firstOf(set, digit);
            if (index >= 0) {
                indices.add(index);
            }
        }
        return pick(set, indices);
    }

    private static int firstOf(DigitSet set, int digit) {
        for (int i = 0; i < set.size(); i++) {
            if (set.label(i) == digit) {
                return i;
            }
        }
        return -1;
    }

    private static DigitSet pick(DigitSet set, List<Integer> indices) {
        byte[] pixels = new byte[indices.size() * DigitSet.PIXELS];
        byte[] labels = new byte[indices.size()];
        for (int i = 0; i < indices.size(); i++) {
            System.arraycopy(
                    set.pixels(), indices.get(i) * DigitSet.PIXELS, pixels, i * DigitSet.PIXELS, DigitSet.PIXELS);
            labels[i] = set.labels()[indices.get(i)];
        }
        return new DigitSet(pixels, labels);
    }
}
