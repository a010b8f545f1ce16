package dev.digits.image;

/**
 * A connected piece of ink.
 *
 * @param id   its label in the label map it came from
 * @param box  the pixels it spans
 * @param area how many ink pixels it has
 */
public record Component(int id, Box box, int area) {
    /** A lookup of component ids for {@link #isMember}: a per-pixel test without boxing. */
    static boolean[] members(java.util.Collection<Integer> ids) {
        int largest = ids.stream().mapToInt(Integer::intValue).max().orElse(-1);
        boolean[] members = new boolean[largest + 1];
        ids.forEach(id -> members[id] = true);
        return members;
    }

    /** Whether the pixel label {@code label} ({@link ConnectedComponents#NONE} included) is in {@code members}. */
    static boolean isMember(boolean[] members, int label) {
        return label >= 0 && label < members.length && members[label];
    }
}
