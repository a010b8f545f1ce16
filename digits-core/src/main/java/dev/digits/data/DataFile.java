package dev.digits.data;

/** One file of a data set: its name as published, and the SHA-256 of its uncompressed bytes. */
public record DataFile(String name, String sha256) {}
