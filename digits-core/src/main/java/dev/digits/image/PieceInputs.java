package dev.digits.image;

import java.util.HashMap;
import java.util.Map;

/**
 * The ink of pieces of one {@link InkMap} and their network inputs, each worked out once: cutting
 * touching digits asks for the parts of a cut, cuts them again, and the digits it settles on are the
 * parts it read. Not thread-safe: one picture's segmentation on one thread. The inputs handed out are
 * shared and must not be changed.
 */
final class PieceInputs {
    private final InkMap map;
    private final Map<Piece, FloatImage> inks = new HashMap<>();
    private final Map<Piece, float[]> inputs = new HashMap<>();

    PieceInputs(InkMap map) {
        this.map = map;
    }

    InkMap map() {
        return map;
    }

    /** The piece's ink, cropped to its box ({@link Piece#ink}). */
    FloatImage ink(Piece piece) {
        return inks.computeIfAbsent(piece, p -> p.ink(map));
    }

    /** The network input of the piece's ink ({@link MnistFormat#input}). */
    float[] input(Piece piece) {
        float[] input = inputs.get(piece);
        if (input == null) {
            input = MnistFormat.input(ink(piece));
            inputs.put(piece, input);
        }
        return input;
    }
}
