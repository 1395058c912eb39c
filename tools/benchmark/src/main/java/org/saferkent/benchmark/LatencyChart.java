package org.saferkent.benchmark;

import java.io.File;
import java.io.IOException;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The latency percentiles as a bar chart (milliseconds, log scale: the two paths differ by orders of magnitude). */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(File png, double rate, Percentiles victimCase, Percentiles feed) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        add(data, "201 → victim case", victimCase);
        add(data, "201 → commissioning feed", feed);
        JFreeChart chart = ChartFactory.createBarChart("SaferKent end-to-end latency at " + Math.round(rate) + " referrals/s",
                "percentile", "milliseconds (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogarithmicAxis axis = new LogarithmicAxis("milliseconds (log scale)");
        axis.setAllowNegativesFlag(false);
        axis.setStrictValuesFlag(false);
        plot.setRangeAxis(axis);
        ChartUtils.saveChartAsPNG(png, chart, 900, 500);
    }

    private static void add(DefaultCategoryDataset data, String series, Percentiles p) {
        if (p.samples() == 0) {
            return;
        }
        data.addValue(Math.max(1, p.p50()), series, "p50");
        data.addValue(Math.max(1, p.p95()), series, "p95");
        data.addValue(Math.max(1, p.p99()), series, "p99");
    }
}
