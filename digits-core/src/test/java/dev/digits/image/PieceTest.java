package dev.digits.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PieceTest {
    @Test
    void thePartsOfACutSpanWhatTheirInkSpans() {
        // A 7 touching a 0, and a 1 apart: two components, the first of two digits.
        InkMap map = InkExtractor.extract(Luminance.of(Drawings.blackOnWhite(300, 120, 7, g -> {
            Drawings.seven(g, 20, 20, 70, 80);
            Drawings.zero(g, 80, 20, 70, 80);
            Drawings.one(g, 240, 20, 80);
        })));
        Set<Integer> ids = new HashSet<>();
        map.components().forEach(c -> ids.add(c.id()));
        Piece.Columns columns = Piece.Columns.of(map, ids);
        int width = map.ink().width();
        for (int from = 0; from < width; from += 7) {
            for (int to = from; to <= width; to += 13) {
                assertEquals(
                        scanned(map, ids, from, to), columns.piece(from, to).box(), from + " to " + to);
            }
        }
    }

    @Test
    void eachPieceIsPreparedOnceAndAsOnItsOwn() {
        InkMap map = InkExtractor.extract(Luminance.of(Drawings.blackOnWhite(300, 120, 7, g -> {
            Drawings.seven(g, 20, 20, 70, 80);
            Drawings.zero(g, 80, 20, 70, 80);
        })));
        Set<Integer> ids = new HashSet<>();
        map.components().forEach(c -> ids.add(c.id()));
        Pieces pieces = new Pieces(map);
        Piece.Columns columns = pieces.columns(ids);
        assertSame(columns, pieces.columns(new HashSet<>(ids)));
        for (Piece piece : new Piece[] {columns.piece(0, 85), columns.piece(85, 300), columns.piece(0, 300)}) {
            float[] input = pieces.input(piece);
            assertArrayEquals(MnistFormat.input(piece.ink(map)), input, piece.toString());
            // the same piece found again, by another cut: the input worked out before
            assertSame(input, pieces.input(columns.piece(piece.from(), piece.to())));
            assertSame(pieces.ink(piece), pieces.ink(columns.piece(piece.from(), piece.to())));
        }
    }

    /** The box of the ink of {@code ids} within columns {@code [from, to)}, pixel by pixel. */
    private static Box scanned(InkMap map, Set<Integer> ids, int from, int to) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        FloatImage ink = map.ink();
        for (int y = 0; y < ink.height(); y++) {
            for (int x = from; x < to; x++) {
                int p = y * ink.width() + x;
                if (ink.pixels()[p] > 0 && ids.contains(map.labels()[p])) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return x1 < 0 ? new Box(from, 0, 0, 0) : Box.spanning(x0, y0, x1, y1);
    }
}
