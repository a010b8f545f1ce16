/**
 * From a picture of handwriting to the network's input, without the network (JDK and ImageIO only).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * BufferedImage picture = new ImageDecoder().decode(Path.of("photo.jpg"));   // DigitsException if unreadable or too large
 * Optional<DigitCrop> digit = new Preprocessor().digit(picture);              // empty: no digit found
 * float[] input = digit.orElseThrow().input();                                // 28x28, row-major, 0 = background, 1 = ink
 * List<DigitCrop> number = new Preprocessor().digits(picture);                // several digits, left to right, each with its box
 * }</pre>
 *
 * <h2>What {@link dev.digits.image.Preprocessor} does</h2>
 * Exactly what MNIST did to NIST's scans, after first getting clean ink out of a drawing or photo:
 * <ol>
 *   <li>{@link dev.digits.image.Luminance}: greyscale; transparency flattened onto the background that
 *       keeps the strokes visible.</li>
 *   <li>A working copy at most {@value dev.digits.image.Preprocessor#WORK_SIDE} pixels on its long side.</li>
 *   <li>{@link dev.digits.image.InkExtractor}: {@link dev.digits.image.Polarity} decided from the border
 *       and which side the ink stands out on; {@link dev.digits.image.Background} (lighting, paper tint)
 *       subtracted; {@link dev.digits.image.Otsu} threshold with a minimum contrast; connected components;
 *       {@link dev.digits.image.Specks} removed; ink strength rescaled so a stroke core is 1.</li>
 *   <li>For several digits, {@code Segmenter}: pieces of one digit joined, touching digits cut, ordered
 *       left to right.</li>
 *   <li>{@link dev.digits.image.MnistFormat}: crop to the ink, fit into 20x20 keeping the aspect ratio
 *       with area averaging, place in 28x28 by the centre of mass (whole-pixel shift, as MNIST).</li>
 * </ol>
 * {@link dev.digits.image.NaivePreprocessor} is the original app's whole-image resize, kept as the
 * baseline. {@link dev.digits.image.ContactSheet} renders inputs as images for people.
 */
package dev.digits.image;
