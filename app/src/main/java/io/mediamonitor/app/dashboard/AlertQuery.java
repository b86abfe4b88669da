package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.Alert;
import io.mediamonitor.model.AlertAcknowledgement;
import io.mediamonitor.model.AlertKind;
import io.mediamonitor.model.AlertStatus;
import io.mediamonitor.model.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A look at the alert history: the alerts whose last update (event time) is in {@code [from, to)}, of a term, kinds,
 * severities, statuses, acknowledged or not; newest first, at most {@code limit}. A criterion left out keeps every
 * alert.
 *
 * @param term         the alert's term exactly ({@code country:ML}), or null
 * @param acknowledged true: acknowledged ones only; false: the others only; null: both
 */
public record AlertQuery(String term, Set<AlertKind> kinds, Set<Severity> severities, Set<AlertStatus> statuses,
                         Instant from, Instant to, Boolean acknowledged, int limit) {

    static final int MAX_LIMIT = 1000;

    /**
     * From the page's parameters: {@code term}, {@code kind}, {@code severity} and {@code status} (comma-separated
     * names, any case), {@code from} and {@code to} (ISO-8601 or epoch ms), {@code acknowledged} (true/false),
     * {@code limit}. An unknown name is an {@link IllegalArgumentException} naming it and what is known.
     */
    public static AlertQuery from(Map<String, String> params) {
        String term = params.get("term");
        String acknowledged = params.get("acknowledged");
        if (acknowledged != null && !acknowledged.isBlank() && !acknowledged.equals("true")
                && !acknowledged.equals("false")) {
            throw new IllegalArgumentException("acknowledged must be true or false: " + acknowledged);
        }
        return new AlertQuery(term == null || term.isBlank() ? null : term.strip(),
                names(params.get("kind"), AlertKind.class, "kind"),
                names(params.get("severity"), Severity.class, "severity"),
                names(params.get("status"), AlertStatus.class, "status"),
                HttpExchanges.instant(params, "from", null), HttpExchanges.instant(params, "to", null),
                acknowledged == null || acknowledged.isBlank() ? null : Boolean.valueOf(acknowledged),
                HttpExchanges.integer(params, "limit", MAX_LIMIT, 1, MAX_LIMIT));
    }

    private static <E extends Enum<E>> Set<E> names(String value, Class<E> type, String parameter) {
        if (value == null || value.isBlank()) {
            return EnumSet.allOf(type);
        }
        Set<E> chosen = EnumSet.noneOf(type);
        for (String name : value.split(",")) {
            try {
                chosen.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(parameter + " " + name.strip() + " is unknown; known: "
                        + Arrays.toString(type.getEnumConstants()));
            }
        }
        return chosen;
    }

    /** The alerts of {@code newestFirst} this query keeps, in the same order. */
    public List<Alert> select(List<Alert> newestFirst, Map<String, AlertAcknowledgement> acknowledgements) {
        return newestFirst.stream().filter(alert -> keeps(alert, acknowledgements.containsKey(alert.getId())))
                .limit(limit).toList();
    }

    boolean keeps(Alert alert, boolean isAcknowledged) {
        Instant at = alert.getTriggeredAt();
        return (term == null || term.equals(alert.getTerm()))
                && kinds.contains(alert.getKind())
                && severities.contains(alert.getSeverity())
                && statuses.contains(alert.getStatus())
                && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to))
                && (acknowledged == null || acknowledged == isAcknowledged);
    }
}
