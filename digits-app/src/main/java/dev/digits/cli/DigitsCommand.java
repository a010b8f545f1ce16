package dev.digits.cli;

import dev.digits.DigitsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digits}: the command line. Exit codes: 0 done, 1 failed (message says why), 2 bad usage. */
@Command(name = "digits",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Handwritten digit recognition with a convolutional network.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            ReportCommand.class,
            DataCommand.class,
            PredictCommand.class,
            ReadCommand.class,
            ServeCommand.class,
            EnsembleCommand.class,
            BenchCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DigitsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, for example: digits train");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        EngineSettings.apply(args);
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new DigitsCommand())
                .setExecutionExceptionHandler(DigitsCommand::handleFailure)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof DigitsException || e instanceof IllegalArgumentException) {
            commandLine.getErr().println("digits: " + e.getMessage());
            return e instanceof DigitsException ? 1 : 2;
        }
        commandLine.getErr().println("digits: unexpected failure: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
