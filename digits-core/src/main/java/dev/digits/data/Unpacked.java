package dev.digits.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Data files as they are stored, raw or gzipped, recognised by their content rather than their name. */
public final class Unpacked {
    private Unpacked() {}

    /** The file's bytes, gunzipped where it starts with gzip's magic number. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        boolean gzipped = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzipped ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
