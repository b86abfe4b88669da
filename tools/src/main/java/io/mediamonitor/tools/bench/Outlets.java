package io.mediamonitor.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The publishing outlets: half French-language, half English-language. Names are made of words that
 * are no place, people or organisation, so nothing the tagger might read leaks in through them.
 */
final class Outlets {

    record Outlet(String name, String domain, Language language) {
    }

    private static final String[] FRENCH_TITLES = {"Le Quotidien", "L'Observateur", "La Tribune", "L'Écho",
        "Le Courrier", "La Voix", "Le Républicain", "Radio Horizon", "Le Messager", "L'Indépendant"};
    private static final String[] FRENCH_SUFFIXES = {"du Matin", "du Soir", "Hebdo", "Express", "Info"};
    private static final String[] ENGLISH_TITLES = {"The Daily", "The Herald", "The Courier", "The Observer",
        "The Chronicle", "The Sentinel", "The Ledger", "Radio Horizon", "The Monitor", "The Dispatch"};
    private static final String[] ENGLISH_SUFFIXES = {"Morning", "Evening", "Weekly", "Express", "Online"};

    private final List<Outlet> all;

    Outlets(int count) {
        List<Outlet> outlets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Language language = i % 2 == 0 ? Language.FRENCH : Language.ENGLISH;
            String[] titles = language == Language.FRENCH ? FRENCH_TITLES : ENGLISH_TITLES;
            String[] suffixes = language == Language.FRENCH ? FRENCH_SUFFIXES : ENGLISH_SUFFIXES;
            int n = i / 2;
            String name = titles[n % titles.length] + " " + suffixes[(n / titles.length) % suffixes.length]
                    + (n >= titles.length * suffixes.length ? " " + (n / (titles.length * suffixes.length) + 1) : "");
            outlets.add(new Outlet(name, String.format("outlet-%03d.example", i + 1), language));
        }
        all = List.copyOf(outlets);
    }

    int size() {
        return all.size();
    }

    Outlet any(Random random) {
        return all.get(random.nextInt(all.size()));
    }

    /** Another outlet writing in the same language: who republishes a wire story. */
    Outlet otherThan(Outlet outlet, Random random) {
        while (true) {
            Outlet other = any(random);
            if (other.language() == outlet.language() && !other.name().equals(outlet.name())) {
                return other;
            }
        }
    }
}
