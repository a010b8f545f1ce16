package dev.digits.report;

import java.util.ArrayList;
import java.util.List;

/** One section of the report page: its HTML, in order, and the figures that HTML shows. */
final class Section {
    private final String id;
    private final String title;
    private final StringBuilder html = new StringBuilder();
    private final List<Figure> figures = new ArrayList<>();

    Section(String id, String title) {
        this.id = id;
        this.title = title;
    }

    String id() {
        return id;
    }

    String title() {
        return title;
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    String html() {
        return html.toString();
    }

    Section heading(String text) {
        html.append("<h3>").append(Html.escape(text)).append("</h3>\n");
        return this;
    }

    Section paragraph(String text) {
        html.append("<p>").append(Html.escape(text)).append("</p>\n");
        return this;
    }

    /** HTML built by the caller (tables, metric cards), already escaped. */
    Section raw(String markup) {
        html.append(markup);
        return this;
    }

    Section figure(Figure figure) {
        figures.add(figure);
        String name = figure.file().substring(0, figure.file().length() - ".png".length());
        html.append("<figure id=\"fig-")
                .append(name)
                .append("\">\n")
                .append("<img src=\"")
                .append(figure.file())
                .append("\" width=\"")
                .append(figure.image().getWidth())
                .append("\" height=\"")
                .append(figure.image().getHeight())
                .append("\" alt=\"")
                .append(Html.escape(figure.title()))
                .append("\">\n")
                .append("<figcaption><strong>")
                .append(Html.escape(figure.title()))
                .append(".</strong> ")
                .append("<span class=\"guide\">")
                .append(Html.escape(figure.guide()))
                .append("</span></figcaption>\n")
                .append("</figure>\n");
        return this;
    }
}
