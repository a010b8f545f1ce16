package dev.digits.image;

/**
 * A connected piece of ink.
 *
 * @param id   its label in the label map it came from
 * @param box  the pixels it spans
 * @param area how many ink pixels it has
 */
public record Component(int id, Box box, int area) {}
