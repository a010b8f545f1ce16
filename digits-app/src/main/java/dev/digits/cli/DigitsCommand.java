package dev.digits.cli;

import dev.digits.DigitsException;
import dev.digits.image.ImageDecoder;
import java.util.List;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code digits}: the command line. Exit codes: 0 done, 1 failed (message says why), 2 bad usage. */
@Command(
        name = "digits",
        scope = CommandLine.ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Handwritten digit recognition with a convolutional network.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:failed: the message says why", "2:bad usage: the message says what to change"})
public final class DigitsCommand implements Runnable {
    /** The commands, in the order help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
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
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class);
    /** Commands about all the others: they need every command built. */
    private static final Set<String> ABOUT_ALL = Set.of("help", "generate-completion");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a command is required, for example: digits train");
    }

    public static void main(String[] args) {
        ProcessEnd.exit(execute(args), args);
    }

    /** Runs a command line and returns its exit code (used by tests too). */
    public static int execute(String... args) {
        EngineSettings.apply(args);
        if (EngineSettings.readsImages(args)) {
            ImageDecoder.findReadersInBackground(); // while the command line is read and the engine loads
        }
        return commandLine(args).execute(args);
    }

    /** The whole command line, every command in it. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: where they start with a command's name, only that command is
     * built (picocli reflects over every option of every command it holds, a quarter second for all),
     * and none for the version; otherwise all of them, for help, completion and suggestions after a typo.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine line = new CommandLine(new DigitsCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean version = first.equals("--version") || first.equals("-V");
        boolean named =
                version || !ABOUT_ALL.contains(first) && COMMANDS.stream().anyMatch(c -> name(c).equals(first));
        for (Class<?> command : COMMANDS) {
            if (!named || name(command).equals(first)) {
                line.addSubcommand(command);
            }
        }
        return line.setParameterExceptionHandler(DigitsCommand::handleUsageError)
                .setExecutionExceptionHandler(DigitsCommand::handleFailure)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** Bad usage (exit code 2): what is wrong, close matches of a mistyped option, where the help is. */
    private static int handleUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("digits: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
        command.getErr().println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for its options.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A failure the message explains (exit code 1); anything else is a bug, reported with its stack trace. */
    private static int handleFailure(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        if (e instanceof DigitsException) {
            commandLine.getErr().println("digits: " + e.getMessage());
            return 1;
        }
        commandLine.getErr().println("digits: unexpected failure: " + e);
        e.printStackTrace(commandLine.getErr());
        return 1;
    }
}
