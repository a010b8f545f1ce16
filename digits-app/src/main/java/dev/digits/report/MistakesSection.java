package dev.digits.report;

import dev.digits.data.DigitSet;
import java.util.List;

/** Section 4: what the model gets wrong, and what it gets right only just. */
final class MistakesSection {
    static final String MISTAKES = "mistakes-gallery.png";
    static final String UNSURE = "mistakes-least-confident-correct.png";
    static final int SHOWN_MISTAKES = 200;
    static final int SHOWN_UNSURE = 40;

    private MistakesSection() {}

    static Section build(ReportContext context) {
        DigitSet test = context.inputs().data().test();
        List<Verdict> verdicts = Verdict.all(test.labels(), context.logProbabilities());
        List<Verdict> mistakes = Verdict.mistakes(verdicts);
        List<Verdict> shown = mistakes.subList(0, Math.min(SHOWN_MISTAKES, mistakes.size()));
        Section section = new Section("mistakes", "4. Mistakes");
        section.raw("<p>The model gets <strong data-key=\"mistakes\">" + Html.count(mistakes.size())
                + "</strong> of " + Html.count(test.size()) + " test images wrong"
                + (mistakes.size() > shown.size() ? "; the " + shown.size() + " it was most sure of are shown" : "")
                + ". Each digit is captioned <em>true &rarr; predicted</em>, the probability the model gave its answer, and "
                + "the image's index in the test set.</p>\n");
        if (!shown.isEmpty()) {
            section.figure(new Figure(
                    MISTAKES,
                    "Misclassified test digits, most confident first",
                    "Confident mistakes at the top "
                            + "are either digits a person would also misread (ambiguous, badly cut or mislabelled) or a systematic blind "
                            + "spot: look for repeated pairs, such as 4 \u2192 9 or 7 \u2192 2, and for strokes the network ignores.",
                    Gallery.render(test, shown)));
        }
        section.figure(new Figure(
                UNSURE,
                "Least confident correct predictions",
                "Right answers with the lowest probability: "
                        + "the model nearly got these wrong. They show where the classes touch, and what a slightly worse model would "
                        + "miss next.",
                Gallery.render(test, Verdict.leastConfidentCorrect(verdicts, SHOWN_UNSURE))));
        return section;
    }
}
