package org.npt4j.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.npt4j.experiments.score.Metric;

/**
 * The comparison as a picture: one panel per metric, a point per trainer at its mean over folds
 * with a bar of ± one standard error. Panels do not start at zero, since the differences that
 * matter (0.95 against 0.96 accuracy) would vanish on a zero-based axis.
 */
final class ComparisonChart {

    private static final int WIDTH_PER_TRAINER = 150;
    private static final int HEIGHT_PER_PANEL = 220;

    private ComparisonChart() {}

    /**
     * @param summary the comparison
     * @param metrics the panels, top to bottom
     * @param title the chart's title
     * @param subtitle a line under it (dataset and protocol)
     * @return the PNG's bytes
     * @throws IOException if encoding fails
     */
    static byte[] png(Summary summary, List<Metric> metrics, String title, String subtitle) throws IOException {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("trainer"));
        plot.setGap(12);
        for (Metric m : metrics) {
            plot.add(panel(summary, m), 1);
        }
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, false);
        chart.addSubtitle(new TextTitle(subtitle + " · mean ± standard error over folds"));
        chart.setBackgroundPaint(Color.WHITE);
        int width = Math.max(480, 160 + WIDTH_PER_TRAINER * summary.trainers().size());
        int height = 110 + HEIGHT_PER_PANEL * metrics.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    /**
     * One metric across data sets: a panel per data set (each on its own scale, since an RMSE on one
     * data set says nothing about the scale of another), trainers along the shared axis.
     *
     * @param summaries each data set's comparison, by name, in display order
     * @param metric the metric
     * @param title the chart's title
     * @param subtitle a line under it (the protocol)
     * @return the PNG's bytes
     * @throws IOException if encoding fails
     */
    static byte[] acrossDatasets(Map<String, Summary> summaries, Metric metric, String title, String subtitle) throws IOException {
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(new CategoryAxis("trainer"));
        plot.setGap(12);
        int trainers = 0;
        for (Map.Entry<String, Summary> e : summaries.entrySet()) {
            // The metric and its direction are in the title; each panel's axis names its data set.
            plot.add(panel(e.getValue(), metric, e.getKey()), 1);
            trainers = Math.max(trainers, e.getValue().trainers().size());
        }
        JFreeChart chart = new JFreeChart(title + ": " + direction(metric), new Font("SansSerif", Font.BOLD, 15), plot, false);
        chart.addSubtitle(new TextTitle(subtitle + " · mean ± standard error over folds"));
        chart.setBackgroundPaint(Color.WHITE);
        int width = Math.max(480, 160 + WIDTH_PER_TRAINER * trainers);
        int height = 110 + HEIGHT_PER_PANEL * summaries.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, width, height);
        return out.toByteArray();
    }

    private static String direction(Metric metric) {
        return metric.name() + (metric.higherIsBetter() ? " (higher is better)" : " (lower is better)");
    }

    private static CategoryPlot panel(Summary summary, Metric metric) {
        return panel(summary, metric, direction(metric));
    }

    private static CategoryPlot panel(Summary summary, Metric metric, String axisLabel) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (String t : summary.trainers()) {
            Summary.Stat s = summary.get(t, metric);
            data.add(Double.isNaN(s.mean()) ? null : s.mean(), Double.isNaN(s.standardError()) ? null : s.standardError(),
                    metric.name(), t);
        }
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setErrorIndicatorStroke(new BasicStroke(1.5f));
        NumberAxis axis = new NumberAxis(axisLabel);
        axis.setAutoRangeIncludesZero(false);
        CategoryPlot panel = new CategoryPlot(data, null, axis, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return panel;
    }
}
