package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertArticle;
import io.mediamonitor.alerts.detect.Figures;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The readable text of an alert, shared by the console channel, e-mail and {@code alerts tail}, so
 * people see the same words wherever an alert reaches them. Pure: no I/O, no clock.
 */
public final class AlertFormatter {

    public static final String SUBJECT_PREFIX = "[media-monitor] ";

    private AlertFormatter() {
    }

    /**
     * {@code HIGH actor:aes — 6 stories from 5 sources (expected 0.4)}; a status other than OPEN goes
     * first ({@code RESOLVED HIGH actor:aes — ...}) so an update is told apart from the first news.
     */
    public static String headline(Alert alert) {
        String status = alert.getStatus() == AlertStatus.OPEN ? "" : alert.getStatus().name() + " ";
        return status + alert.getSeverity().name() + " " + clean(alert.getTerm()) + " — " + counts(alert)
                + " (expected " + number(alert.getExpected()) + ")";
    }

    /** The e-mail subject: {@code [media-monitor] HIGH actor:aes — 6 stories from 5 sources (expected 0.4)}. */
    public static String subject(Alert alert) {
        return SUBJECT_PREFIX + headline(alert);
    }

    /**
     * One line for logs and terminals: time, status, severity, kind, term, label, counts, score.
     * {@code 2026-03-01T14:05:00Z OPEN HIGH spike actor:aes "Alliance des États du Sahel" — 6 stories from 5 sources (expected 0.4, score 5.2)}
     */
    public static String oneLine(Alert alert) {
        return time(alert.getTriggeredAt()) + " " + alert.getStatus().name() + " " + alert.getSeverity().name() + " "
                + kind(alert.getKind()) + " " + clean(alert.getTerm()) + label(alert) + " — " + counts(alert)
                + " (expected " + number(alert.getExpected()) + ", score " + number(alert.getScore()) + ")";
    }

    /** {@link #oneLine} then one indented line per top article: what the console channel and the CLI print. */
    public static String summary(Alert alert) {
        StringBuilder text = new StringBuilder(oneLine(alert));
        for (AlertArticle article : articles(alert)) {
            text.append("\n  • ").append(clean(article.getTitle())).append(" — ").append(clean(article.getSource()))
                    .append(" <").append(clean(article.getUrl())).append('>');
        }
        return text.toString();
    }

    /** The plain-text e-mail body: what happened, why it is unusual, where to read, how to refer to it. */
    public static String text(Alert alert) {
        StringBuilder text = new StringBuilder();
        text.append(alert.getSeverity().name()).append(' ').append(kind(alert.getKind())).append(" on ")
                .append(clean(alert.getTerm())).append(label(alert)).append(" — ").append(alert.getStatus().name())
                .append("\n\n");
        text.append(counts(alert)).append(", expected ").append(number(alert.getExpected()))
                .append(" (score ").append(number(alert.getScore())).append(").\n");
        String explanation = alert.getExplanation() == null ? "" : alert.getExplanation().strip();
        if (!explanation.isEmpty()) {
            text.append(explanation).append('\n');
        }
        text.append('\n');
        text.append("Window:     ").append(time(alert.getWindowStart())).append(" – ").append(time(alert.getWindowEnd()))
                .append('\n');
        text.append("Triggered:  ").append(time(alert.getTriggeredAt())).append('\n');
        text.append("Method:     ").append(clean(alert.getMethod())).append('\n');
        text.append("Alert:      ").append(alert.getId()).append(", revision ").append(alert.getRevision()).append('\n');
        List<AlertArticle> articles = articles(alert);
        if (!articles.isEmpty()) {
            text.append("\nTop articles:\n");
            int n = 1;
            for (AlertArticle article : articles) {
                text.append(n++).append(". ").append(clean(article.getTitle())).append('\n')
                        .append("   ").append(clean(article.getSource())).append(" · ")
                        .append(time(article.getPublishedAt())).append('\n')
                        .append("   ").append(clean(article.getUrl())).append('\n');
            }
        }
        return text.toString();
    }

    /** {@code 6 stories from 5 sources}, singular where it is one; {@code no article} for a silence. */
    public static String counts(Alert alert) {
        if (alert.getKind() == AlertKind.SILENCE) {
            return "no article";
        }
        return plural(alert.getObserved(), "story", "stories") + " from "
                + plural(alert.getDistinctSources(), "source", "sources");
    }

    /** Spike, sustained rise, silence. */
    public static String kind(AlertKind kind) {
        return switch (kind) {
            case SPIKE -> "spike";
            case SUSTAINED_RISE -> "sustained rise";
            case SILENCE -> "silence";
        };
    }

    /**
     * A count-like number short enough to read: two significant digits below 10 ({@code 0.4},
     * {@code 0.035}, {@code 2.5}), whole numbers above; not-a-number and infinity spelled out.
     */
    public static String number(double value) {
        return Figures.count(value);
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-03-01T14:05:00Z}. */
    public static String time(Instant instant) {
        return instant == null ? "?" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String plural(int count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    private static String label(Alert alert) {
        String label = clean(alert.getLabel());
        return label.isEmpty() || label.equals(clean(alert.getTerm())) ? "" : " \"" + label + "\"";
    }

    private static List<AlertArticle> articles(Alert alert) {
        return alert.getTopArticles() == null ? List.of() : alert.getTopArticles();
    }

    /** Feed titles carry newlines and runs of spaces; a one-liner must stay one line. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
