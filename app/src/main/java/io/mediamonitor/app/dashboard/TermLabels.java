package io.mediamonitor.app.dashboard;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Human names for typed terms: the label an alert gave the term when one did, else the country's
 * English name for {@code country:XX}, else the term without its type.
 */
public final class TermLabels {

    private final Map<String, String> known = new ConcurrentHashMap<>();

    public void learn(String term, String label) {
        if (label != null && !label.isBlank()) {
            known.put(term, label);
        }
    }

    public String label(String term) {
        String label = known.get(term);
        if (label != null) {
            return label;
        }
        int colon = term.indexOf(':');
        String type = colon < 0 ? "" : term.substring(0, colon);
        String id = colon < 0 ? term : term.substring(colon + 1);
        if (type.equals("country") && id.length() == 2) {
            String name = new Locale("", id).getDisplayCountry(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(id)) {
                return name;
            }
        }
        return id;
    }
}
