package dev.digits.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A collection of real handwriting whose files the cache fetches from their official source, with a
 * local directory as the fallback: {@code <local root>/<name>/} holding each file raw or gzipped (the
 * layout of the project's development data, where the official hosts are unreachable).
 *
 * @param urls where each file is published (by file name): {@code .gz} and {@code .Z} are unpacked
 * @param localRoot the fallback root directory, or null for none
 */
public record HandwritingFiles(String name, List<DataFile> files, Map<String, URI> urls, Path localRoot)
        implements FileSet {

    private static final String UCI = "https://archive.ics.uci.edu/ml/machine-learning-databases/";

    /**
     * UCI "Pen-Based Recognition of Handwritten Digits" (Alpaydin and Alimoglu, 1998; CC BY 4.0): the
     * original pen trajectories of 30 writers from a WACOM tablet.
     */
    public static final DataFile PENDIGITS_TRAIN =
            new DataFile("pendigits-orig.tra", "a66225d68d7d68591e62944df1ad33b3f5aa608e2df2505844b41f5568a80da4");
    /**
     * UCI "Optical Recognition of Handwritten Digits" (Alpaydin and Kaynak, 1998; CC BY 4.0): 32x32 binary
     * bitmaps of NIST forms, in three files by the same 30 writers.
     */
    public static final DataFile OPTDIGITS_TRAIN =
            new DataFile("optdigits-orig.tra", "b0649058daf39b41da11827b6f9d784333e85e7362539fe7afd26fef517b4a3f");

    public static final DataFile OPTDIGITS_CROSS_VALIDATION =
            new DataFile("optdigits-orig.cv", "686f79818680b16b5f5618e5f9e3dc792adfe7eb7c1d4ca7efa5d2c29aae3b28");
    public static final DataFile OPTDIGITS_WRITER_DEPENDENT =
            new DataFile("optdigits-orig.wdep", "c2fb3a4024490dc12f07eea2ee4b51c39110ad16c1f908e616ba5c7adce1239c");
    /**
     * The USPS zip-code digits as distributed with "The Elements of Statistical Learning" (Hastie,
     * Tibshirani and Friedman): 7,291 deslanted 16x16 grey scans, values in [-1, 1].
     */
    public static final DataFile USPS_TRAIN =
            new DataFile("zip.train", "abc9f5c75b997cabe66b5d01727d5a681c69298e1641a8d37b55433a52129dc0");

    public HandwritingFiles {
        files = List.copyOf(files);
        urls = Map.copyOf(urls);
    }

    public static HandwritingFiles pendigits(Path localRoot) {
        return new HandwritingFiles(
                "pendigits",
                List.of(PENDIGITS_TRAIN),
                Map.of(PENDIGITS_TRAIN.name(), URI.create(UCI + "pendigits/pendigits-orig.tra.Z")),
                localRoot);
    }

    public static HandwritingFiles optdigits(Path localRoot) {
        List<DataFile> files = List.of(OPTDIGITS_TRAIN, OPTDIGITS_CROSS_VALIDATION, OPTDIGITS_WRITER_DEPENDENT);
        return new HandwritingFiles(
                "optdigits",
                files,
                Map.of(
                        OPTDIGITS_TRAIN.name(), URI.create(UCI + "optdigits/optdigits-orig.tra.Z"),
                        OPTDIGITS_CROSS_VALIDATION.name(), URI.create(UCI + "optdigits/optdigits-orig.cv.Z"),
                        OPTDIGITS_WRITER_DEPENDENT.name(), URI.create(UCI + "optdigits/optdigits-orig.wdep.Z")),
                localRoot);
    }

    public static HandwritingFiles usps(Path localRoot) {
        return new HandwritingFiles(
                "usps",
                List.of(USPS_TRAIN),
                Map.of(USPS_TRAIN.name(), URI.create("https://hastie.su.domains/ElemStatLearn/datasets/zip.train.gz")),
                localRoot);
    }

    /** The official source first, then the local directory. */
    List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        sources.add(new UrlSource(urls));
        if (localRoot != null) {
            sources.add(new LocalDirectorySource(localRoot.resolve(name)));
        }
        return sources;
    }
}
