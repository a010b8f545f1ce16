package dev.digits.data;

import java.util.List;

/**
 * Files that {@link DataCache} fetches, verifies and keeps together in {@code <cache>/<name>/}: the
 * image/label data sets ({@link DatasetSpec}) and the real handwriting collections
 * ({@link HandwritingFiles}).
 */
public sealed interface FileSet permits DatasetSpec, HandwritingFiles {
    /** The cache subdirectory and the name in messages. */
    String name();

    List<DataFile> files();
}
