package io.cluman.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text table: upper-case headers, columns padded to their widest cell and separated by two spaces,
 * no trailing blanks. An empty or missing cell prints as {@code -}.
 */
public final class Table {
    private static final String GAP = "  ";
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers.stream().map(h -> h.toUpperCase(Locale.ROOT)).toList();
    }

    public static Table of(String... headers) {
        return new Table(Arrays.asList(headers));
    }

    /** Adds a row; {@code cells} must match the headers in number. */
    public Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + headers.size()
                    + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** The whole table, header first, one line per row, each ending with a newline. */
    public String render() {
        int[] widths = widths();
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        for (List<String> row : rows) {
            line(text, row, widths);
        }
        return text.toString();
    }

    /** One row laid out with given column widths, for output that streams (no newline). */
    public static String line(List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        line(text, cells.stream().map(Table::cell).toList(), widths);
        return text.substring(0, text.length() - 1);
    }

    public List<String> headers() {
        return headers;
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        int start = text.length();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            text.append(cell);
            if (i < cells.size() - 1) {
                text.append(" ".repeat(Math.max(0, widths[i] - cell.length()))).append(GAP);
            }
        }
        int end = text.length();
        while (end > start && text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        text.append('\n');
    }

    private static String cell(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString().replace('\n', ' ').strip();
        return text.isEmpty() ? "-" : text;
    }
}
