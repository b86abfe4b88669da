package io.mediamonitor.app.dashboard;

import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.schema.Terms;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Human names for typed terms: the label an alert gave the term when one did, else the dictionary's name of an
 * actor, the country's English name for {@code country:XX}, both for an actor × country pair, else the term
 * without its type.
 */
public final class TermLabels {

    private final Map<String, String> known = new ConcurrentHashMap<>();

    public TermLabels() {
    }

    /** Knowing the names of the dictionary's actors, so a term that never alerted reads as a name too. */
    public TermLabels(Collection<DictionaryEntry> dictionary) {
        for (DictionaryEntry entry : dictionary) {
            if (entry.getKind() == DictionaryEntryKind.ACTOR) {
                learn(Terms.actor(entry.getId()), entry.getName());
            }
        }
    }

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
        String type = Terms.type(term);
        String id = type.isEmpty() ? term : term.substring(type.length() + 1);
        if (type.equals("country") && id.length() == 2) {
            String name = new Locale("", id).getDisplayCountry(Locale.ENGLISH);
            if (!name.isBlank() && !name.equalsIgnoreCase(id)) {
                return name;
            }
        }
        int bar = id.lastIndexOf('|');
        if (type.equals("pair") && bar > 0) {
            return label(Terms.actor(id.substring(0, bar))) + " × " + label(Terms.country(id.substring(bar + 1)));
        }
        return id;
    }
}
