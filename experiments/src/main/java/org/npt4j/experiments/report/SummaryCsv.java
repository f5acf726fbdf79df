package org.npt4j.experiments.report;

import java.util.List;
import java.util.Locale;
import org.npt4j.experiments.score.CorrectedTTest;
import org.npt4j.experiments.score.Metric;

/**
 * The columns of {@code summary.csv}: per metric the mean and standard error, the folds, then per
 * metric the test's {@code _t}, {@code _p} and {@code _outcome} ({@code win}, {@code tie},
 * {@code loss}, {@code untested}, or {@code base} on the base trainer's row). Shared by the one-data-set
 * file and the file across data sets, which puts a {@code dataset} column first.
 */
final class SummaryCsv {

    private SummaryCsv() {}

    /**
     * @param metrics the metrics, in display order
     * @return the header line, without its line break
     */
    static String header(List<Metric> metrics) {
        StringBuilder out = new StringBuilder("trainer");
        for (Metric m : metrics) {
            out.append(',').append(m.key()).append("_mean,").append(m.key()).append("_se");
        }
        out.append(",folds");
        // The test's columns come after the original ones, so that readers of the older file still find theirs.
        for (Metric m : metrics) {
            out.append(',').append(m.key()).append("_t,").append(m.key()).append("_p,").append(m.key()).append("_outcome");
        }
        return out.toString();
    }

    /**
     * @param summary the comparison
     * @param significance the tests against the base
     * @param trainer one of the summary's trainers
     * @return its line, without its line break
     */
    static String row(Summary summary, Significance significance, String trainer) {
        StringBuilder out = new StringBuilder(Csv.field(trainer));
        int n = 0;
        for (Metric m : summary.metrics()) {
            Summary.Stat s = summary.get(trainer, m);
            out.append(',').append(number(s.mean())).append(',').append(number(s.standardError()));
            n = Math.max(n, s.n());
        }
        out.append(',').append(n);
        for (Metric m : summary.metrics()) {
            if (trainer.equals(significance.base().trainer())) {
                out.append(",,,base");
            } else {
                CorrectedTTest.Result r = significance.get(trainer, m);
                out.append(',').append(number(r.t())).append(',').append(number(r.p())).append(',')
                        .append(r.outcome().name().toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}
