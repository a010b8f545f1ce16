package dev.digits.image;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pieces of one {@link InkMap} as segmentation asks about them: where the ink of a set of
 * components lies, a piece's ink, its network input; each worked out once, since joining finds the
 * pieces that cutting then cuts, cutting asks for the parts of a cut and cuts them again, and the digits
 * it settles on are parts it read. Not thread-safe: one picture's segmentation on one thread. What it
 * hands out is shared and must not be changed.
 */
final class Pieces {
    private final InkMap map;
    private final Map<Set<Integer>, Piece.Columns> columns = new HashMap<>();
    private final Map<Piece, FloatImage> inks = new HashMap<>();
    private final Map<Piece, float[]> inputs = new HashMap<>();

    Pieces(InkMap map) {
        this.map = map;
    }

    InkMap map() {
        return map;
    }

    /** Where the ink of the components {@code ids} lies ({@link Piece.Columns#of}). */
    Piece.Columns columns(Set<Integer> ids) {
        return columns.computeIfAbsent(Set.copyOf(ids), key -> Piece.Columns.of(map, key));
    }

    /** The piece the components {@code ids} make, all of their ink. */
    Piece whole(Set<Integer> ids) {
        return columns(ids).piece(0, map.ink().width());
    }

    /** The piece's ink, cropped to its box ({@link Piece#ink}). */
    FloatImage ink(Piece piece) {
        return inks.computeIfAbsent(piece, p -> p.ink(map));
    }

    /** The network input of the piece's ink ({@link MnistFormat#input}). */
    float[] input(Piece piece) {
        return inputs.computeIfAbsent(piece, p -> MnistFormat.input(ink(p)));
    }
}
