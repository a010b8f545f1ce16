package dev.digits.report;

import dev.digits.eval.Evaluation;

/**
 * The inputs and what every section derives from them: the test-set evaluation, computed exactly
 * as {@code digits evaluate} computes it, so the report's numbers are that command's numbers.
 *
 * @param logProbabilities row-major {@code [test size * 10]}
 */
record ReportContext(ReportInputs inputs, Evaluation evaluation, float[] logProbabilities) {
    static ReportContext of(ReportInputs inputs) {
        float[] logProbabilities =
                inputs.classifier().logProbabilities(inputs.data().test());
        return new ReportContext(
                inputs, Evaluation.of(inputs.data().test().labels(), logProbabilities), logProbabilities);
    }
}
