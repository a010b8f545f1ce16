package dev.digits.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Where option values enter the library. The library refuses a value it cannot work with by throwing
 * {@link IllegalArgumentException}; at this boundary that refusal is the user's usage error (exit
 * code 2). Anywhere else it is a bug, and is reported as one.
 */
final class Usage {
    private Usage() {}

    /** What {@code build} makes from the options, or a usage error saying why it refused them. */
    static <T> T check(CommandSpec spec, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
