package dev.digits.report;

import java.awt.image.BufferedImage;

/**
 * One picture of the report: written as {@code file} beside {@code report.html}, shown with its
 * title and a reading guide (what to look for).
 */
record Figure(String file, String title, String guide, BufferedImage image) {
    Figure {
        if (!file.matches("[a-z0-9-]+\\.png")) {
            throw new IllegalArgumentException("figure file names are lower-case PNG names: " + file);
        }
    }
}
