/**
 * Real handwriting: readers for collections that people wrote (UCI pen strokes and NIST bitmaps, USPS
 * scans, labelled folders of photos and drawings), pictures made from them the way users hand images
 * to the reader, the images the bundled model trains on, and the benchmark that measures the reader on
 * writers it never saw.
 */
package dev.digits.handwriting;
