/**
 * Benchmark pictures generated from MNIST <em>test</em> digits, deterministic from a seed: what users
 * hand us, with the truth known.
 * <ul>
 *   <li>{@link dev.digits.image.samples.CanvasSet} (a): one digit, white on a black 400x400 canvas,
 *       small to large, anywhere, thin to thick pen.</li>
 *   <li>{@link dev.digits.image.samples.PhotoSet} (b): one digit, dark ink on light paper, photographed:
 *       lighting gradient, rotation, blur, noise, JPEG.</li>
 *   <li>{@link dev.digits.image.samples.NumberSet} (c): 2 to 6 digits side by side, gaps from slight
 *       overlaps to wide spaces; the label is the number.</li>
 * </ul>
 * {@link dev.digits.image.samples.SampleSet#named} picks one by name; {@link dev.digits.image.samples.SampleWriter}
 * writes a set to a directory with its labels.
 */
package dev.digits.image.samples;
