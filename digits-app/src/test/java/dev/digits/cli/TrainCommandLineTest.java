package dev.digits.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.digits.train.Schedule;
import dev.digits.train.TrainingOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line a model card records is the one that trains with the same options again. */
class TrainCommandLineTest {
    @Test
    void eachRecordedCommandLineParsesBackToTheSameOptions() {
        List<TrainingOptions> recipes = List.of(
                TrainingOptions.defaults(),
                TrainingOptions.quick(5),
                TrainingOptions.strong("mnist", 7, 0),
                TrainingOptions.strong("fashion", 3, 500),
                TrainingOptions.builder()
                        .architecture("compact")
                        .epochs(4)
                        .batchSize(32)
                        .learningRate(0.004f)
                        .seed(9)
                        .limit(2000)
                        .validation(TrainingOptions.Validation.TEST)
                        .keep(TrainingOptions.Keep.LAST)
                        .augment(true)
                        .schedule(Schedule.ONE_CYCLE)
                        .labelSmoothing(0.1f)
                        .ema(0.99f)
                        .patience(2)
                        .erasing(0.25f)
                        .outliers(300)
                        .handwriting(true)
                        .images("feedback")
                        .build());
        for (TrainingOptions options : recipes) {
            String line = options.commandLine();
            assertEquals(options, parse(line.substring("digits ".length())), line);
        }
    }

    @Test
    void aRecipeGivesItsOptionsAndTheOptionsGivenChangeThem() {
        assertEquals(TrainingOptions.defaults(), parse("train"));
        assertEquals(TrainingOptions.quick(3), parse("train --recipe quick --seed 3"));
        assertEquals(
                TrainingOptions.quick(42).toBuilder()
                        .epochs(2)
                        .learningRate(0.01f)
                        .build(),
                parse("train --recipe quick --epochs 2 --lr 0.01"));
        assertEquals(
                TrainingOptions.strong("fashion", 3, 500),
                parse("train --recipe strong --dataset fashion --seed 3 --limit 500"));
        assertEquals(
                TrainingOptions.strong("mnist", 42, 0).toBuilder()
                        .architecture("compact")
                        .build(),
                parse("train --recipe strong --arch compact"));
    }

    private static TrainingOptions parse(String arguments) {
        CommandLine.ParseResult parsed = DigitsCommand.commandLine().parseArgs(arguments.split(" "));
        TrainCommand train = parsed.subcommand().commandSpec().commandLine().getCommand();
        return train.newOptions();
    }
}
