package dev.digits.cli;

import dev.digits.train.EpochStats;
import dev.digits.train.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar per epoch (ETA, running loss and accuracy) and one summary line per epoch. On a
 * terminal the bar redraws in place; in a log (no console) a plain line is printed every 10 seconds,
 * since redraw sequences would only clutter it.
 */
public final class ConsoleProgress implements Progress {
    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();
    private final PrintStream out;
    private final boolean terminal;
    private ProgressBar bar;
    private String task;
    private int steps;
    private int step;
    private long started;
    private long lastLogged;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
        this.terminal = System.console() != null;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        this.task = String.format("epoch %d/%d", epoch, epochs);
        this.steps = steps;
        this.step = 0;
        this.started = System.nanoTime();
        this.lastLogged = started;
        if (terminal) {
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(steps)
                    .setUnit(" batches", 1)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .clearDisplayOnFinish()
                    .build();
        }
    }

    @Override
    public void stepFinished(double runningLoss, double runningAccuracy) {
        step++;
        String figures = String.format(Locale.ROOT, " loss %.4f acc %.4f", runningLoss, runningAccuracy);
        if (bar != null) {
            bar.step();
            if (step % 20 == 0) {
                bar.setExtraMessage(figures);
            }
            return;
        }
        long now = System.nanoTime();
        if (now - lastLogged >= LOG_INTERVAL_NANOS && step < steps) {
            lastLogged = now;
            double elapsed = (now - started) / 1e9;
            long eta = Math.round(elapsed / step * (steps - step));
            out.printf(
                    Locale.ROOT,
                    "%s %3d%% %d/%d batches, ETA %d:%02d,%s%n",
                    task,
                    100 * step / steps,
                    step,
                    steps,
                    eta / 60,
                    eta % 60,
                    figures);
        }
    }

    @Override
    public void epochFinished(EpochStats s, int epochs) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        out.printf(
                Locale.ROOT,
                "epoch %d/%d  loss %.4f  accuracy %.4f  validation loss %.4f  validation accuracy %.4f  %.1f s%n",
                s.epoch(),
                epochs,
                s.trainLoss(),
                s.trainAccuracy(),
                s.validationLoss(),
                s.validationAccuracy(),
                s.seconds());
    }
}
