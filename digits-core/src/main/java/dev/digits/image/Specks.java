package dev.digits.image;

import java.util.List;

/**
 * Tells specks (dust, paper texture, JPEG ringing that survived thresholding) from strokes by size:
 * a speck is small next to the largest piece of ink, or small next to the whole image.
 */
public final class Specks {
    /** Pieces with less ink than this fraction of the largest piece are specks. */
    static final double AREA_FRACTION = 0.05;
    /**
     * Pieces whose box is shorter, on its longer side, than this fraction of the image's longer side are
     * specks: so a lone dot on a blank page is "no digit", not a digit enlarged from three pixels.
     */
    static final double EXTENT_FRACTION = 0.015;

    private static final int MIN_EXTENT = 2;

    private Specks() {}

    /** The components that are ink, in their original order. */
    public static List<Component> removeFrom(List<Component> components, int imageWidth, int imageHeight) {
        int largest = components.stream().mapToInt(Component::area).max().orElse(0);
        double minArea = AREA_FRACTION * largest;
        double minExtent = Math.max(MIN_EXTENT, EXTENT_FRACTION * Math.max(imageWidth, imageHeight));
        return components.stream()
                .filter(c ->
                        c.area() >= minArea && Math.max(c.box().width(), c.box().height()) >= minExtent)
                .toList();
    }
}
