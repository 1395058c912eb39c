package org.saferkent.benchmark;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The cost of history: end-to-end referrals per second (bars, left axis) and the p99 latencies at the
 * steady rate (lines, right axis, milliseconds on a log scale) by the years of history stored.
 */
final class PreloadChart {

    private PreloadChart() {
    }

    static void write(File png, List<PreloadRun.Point> points) throws IOException {
        System.setProperty("java.awt.headless", "true");
        DefaultCategoryDataset rate = new DefaultCategoryDataset();
        DefaultCategoryDataset p99 = new DefaultCategoryDataset();
        double latencyRate = 0;
        for (PreloadRun.Point point : points) {
            String years = PreloadRun.fmt(point.years()) + " years";
            if (point.intake() != null) {
                rate.addValue(point.intake().pipelinePerSecond(), "end to end, referrals/s", years);
            }
            if (point.latency() != null) {
                latencyRate = point.latency().rate();
                if (point.latency().victimCase().samples() > 0) {
                    p99.addValue(Math.max(1, point.latency().victimCase().p99()), "p99 201 → victim case, ms", years);
                }
                if (point.latency().feed().samples() > 0) {
                    p99.addValue(Math.max(1, point.latency().feed().p99()), "p99 201 → commissioning feed, ms", years);
                }
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("SaferKent by years of history stored (latency at " + Math.round(latencyRate)
                + " referrals/s)", "history stored", "referrals per second, end to end", rate, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogarithmicAxis millis = new LogarithmicAxis("p99 latency, milliseconds (log scale)");
        millis.setAllowNegativesFlag(false);
        millis.setStrictValuesFlag(false);
        plot.setRangeAxis(1, millis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, p99);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new LineAndShapeRenderer(true, true));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        ChartUtils.saveChartAsPNG(png, chart, 900, 500);
    }
}
