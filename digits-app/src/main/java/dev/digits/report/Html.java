package dev.digits.report;

import java.util.List;
import java.util.Locale;

/** Escaping and number formats for the report page; numbers use one locale so they read the same everywhere. */
final class Html {
    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Metrics in [0, 1] and losses: four decimals, as {@code digits evaluate} prints them. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    /** A table with a header row; cells are HTML already (callers escape text). */
    static String table(String cssClass, List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("<table class=\"" + cssClass + "\">\n<thead><tr>");
        header.forEach(h -> out.append("<th>").append(h).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            row.forEach(cell ->
                    out.append(cell.startsWith("<td") || cell.startsWith("<th") ? cell : "<td>" + cell + "</td>"));
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    /** A cell that tests and scripts can find by what it holds. */
    static String cell(String key, String value) {
        return "<td data-key=\"" + escape(key) + "\">" + value + "</td>";
    }
}
