package io.cluman.cli.metrics;

import io.cluman.model.api.MetricPointView;
import java.util.List;
import java.util.Locale;

/**
 * A series as one line of block characters (the mean of each step, scaled between the series' least and
 * greatest value), with its min, avg and max. Pure.
 */
final class TextPlot {
    private static final char[] BLOCKS = "▁▂▃▄▅▆▇█".toCharArray();

    private TextPlot() {
    }

    /** {@code cpu        ▁▂▅█▇▃  min 3.1  avg 22.4  max 97.0} for the points, oldest first. */
    static String line(String name, List<MetricPointView> points, int width) {
        List<MetricPointView> shown = points.size() <= width ? points : points.subList(points.size() - width,
                points.size());
        double low = shown.stream().mapToDouble(MetricPointView::avg).min().orElse(0);
        double high = shown.stream().mapToDouble(MetricPointView::avg).max().orElse(0);
        StringBuilder plot = new StringBuilder();
        for (MetricPointView p : shown) {
            int level = high == low ? 0 : (int) Math.round((p.avg() - low) / (high - low) * (BLOCKS.length - 1));
            plot.append(BLOCKS[level]);
        }
        double min = points.stream().mapToDouble(MetricPointView::min).min().orElse(0);
        double max = points.stream().mapToDouble(MetricPointView::max).max().orElse(0);
        double avg = points.stream().mapToDouble(MetricPointView::avg).average().orElse(0);
        return String.format(Locale.ROOT, "%-10s %s  min %s  avg %s  max %s", name, plot, number(min), number(avg),
                number(max));
    }

    /** 3 significant figures, with K/M/G for large values (bytes, bytes/s). */
    static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", value / 1e9);
        }
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.1fK", value / 1e3);
        }
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : "%.1f", value);
    }
}
