package org.npt4j.experiments.report;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.npt4j.core.diagnostics.ContextDependenceResult;
import org.npt4j.core.diagnostics.CorruptionEffect;

/**
 * The dependence diagnostic as a picture: a bar per corruption at the mean change of the query
 * rows' predictions, and for a class target a second bar for the share of labels that flipped.
 * The axis starts at zero: here zero is the answer "does not use the other rows".
 */
final class DependenceChart {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 420;

    private DependenceChart() {}

    /**
     * @param result the diagnostic's result
     * @param title the chart's title
     * @return the PNG's bytes
     * @throws IOException if encoding fails
     */
    static byte[] png(ContextDependenceResult result, String title) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String change = result.categorical() ? "mean total-variation distance" : "mean |change| in target SDs";
        for (CorruptionEffect e : result.effects()) {
            data.addValue(e.meanChange(), change, e.corruption().label());
            if (result.categorical()) {
                data.addValue(e.flipFraction(), "share of labels flipped", e.corruption().label());
            }
        }
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xff7f0e));
        NumberAxis axis = new NumberAxis(result.categorical() ? "change (0 to 1)" : "change (target SDs)");
        axis.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("corruption of the context"), axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        chart.addSubtitle(new TextTitle(subtitle(result)));
        chart.setBackgroundPaint(Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    private static String subtitle(ContextDependenceResult result) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: clean %.4f", result.metricName(), result.cleanMetric()));
        for (CorruptionEffect e : result.effects()) {
            s.append(String.format(Locale.ROOT, ", %s %.4f", e.corruption().label(), e.corruptedMetric()));
        }
        return s.append(String.format(Locale.ROOT, " · %d queries, %d context rows", result.queryRows(), result.contextRows())).toString();
    }
}
