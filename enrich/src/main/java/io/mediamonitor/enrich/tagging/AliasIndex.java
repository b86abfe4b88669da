package io.mediamonitor.enrich.tagging;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A dictionary compiled for matching: every alias and every context word, folded, in one
 * Aho-Corasick automaton (double-array trie), so a text is scanned once whatever the number of
 * aliases. Each automaton key carries the candidates it may stand for and the context rules it feeds.
 */
final class AliasIndex {

    enum Kind { COUNTRY, ACTOR, KEYWORD, STOP }

    /** A country, actor, keyword, or the stop target that matches and tags nothing. */
    record Target(int index, Kind kind, String id, String name, String type, boolean contextRequired) {}

    /** One way a key can be read: the target, and for case-sensitive aliases the exact form. */
    record Candidate(Target target, char[] exact, boolean ambiguous) {}

    /** A context word of a target: positive (lets ambiguous aliases count) or negative (vetoes them). */
    record ContextRef(int target, boolean negative, boolean prefix) {}

    /** What the automaton returns for a key. */
    record Node(Candidate[] candidates, ContextRef[] contexts) {}

    /** A hyphen or dash (U+2010 to U+2014) between two letters: the join of a compound name. */
    private static final Pattern HYPHEN = Pattern.compile("(?<=\\p{L})[-\\u2010-\\u2014](?=\\p{L})");

    private final List<Target> targets;
    private final AhoCorasickDoubleArrayTrie<Node> trie;

    private AliasIndex(List<Target> targets, AhoCorasickDoubleArrayTrie<Node> trie) {
        this.targets = List.copyOf(targets);
        this.trie = trie;
    }

    List<Target> targets() {
        return targets;
    }

    /** Scans folded text; null trie (empty dictionary) finds nothing. */
    void scan(char[] folded, AhoCorasickDoubleArrayTrie.IHit<Node> hit) {
        if (trie != null) {
            trie.parseText(folded, hit);
        }
    }

    static AliasIndex build(Gazetteer gazetteer, Collection<DictionaryEntry> entries) {
        Compiler c = new Compiler();
        Target stop = c.target(Kind.STOP, "", "", null, false);
        for (String phrase : gazetteer.stopPhrases()) {
            c.alias(phrase, false, false, stop);
        }
        for (Gazetteer.Country country : gazetteer.countries()) {
            // an ambiguous country form always needs context: a listed word or another form of the country
            Target t = c.target(Kind.COUNTRY, country.code(), country.name(), null, true);
            for (Gazetteer.Form f : country.forms()) {
                c.alias(f.text(), f.caseSensitive(), f.ambiguous(), t);
            }
            c.context(country.context(), t, false);
            c.context(country.negativeContext(), t, true);
        }
        for (DictionaryEntry e : entries) {
            boolean actor = e.getKind() == DictionaryEntryKind.ACTOR;
            Target t = c.target(actor ? Kind.ACTOR : Kind.KEYWORD, e.getId(), e.getName(),
                    e.getType() == null ? "" : e.getType(), !e.getContext().isEmpty());
            Set<String> ambiguous = new HashSet<>();
            e.getAmbiguousAliases().forEach(a -> ambiguous.add(TextFolding.foldToString(a)));
            List<Alias> aliases = e.getAliases();
            if (aliases.isEmpty() && !actor) {
                aliases = List.of(new Alias(e.getId(), null, false));
            }
            for (Alias a : aliases) {
                c.alias(a.getText(), Boolean.TRUE.equals(a.getCaseSensitive()),
                        ambiguous.contains(TextFolding.foldToString(a.getText())), t);
            }
            c.context(e.getContext(), t, false);
            c.context(e.getNegativeContext(), t, true);
        }
        return c.build();
    }

    private static final class Compiler {
        final List<Target> targets = new ArrayList<>();
        final Map<String, List<Candidate>> candidates = new TreeMap<>();
        final Map<String, List<ContextRef>> contexts = new TreeMap<>();

        Target target(Kind kind, String id, String name, String type, boolean contextRequired) {
            Target t = new Target(targets.size(), kind, id, name, type, contextRequired);
            targets.add(t);
            return t;
        }

        void alias(String text, boolean caseSensitive, boolean ambiguous, Target t) {
            String key = TextFolding.foldToString(text.strip());
            if (key.isBlank()) {
                return;
            }
            char[] exact = null;
            if (caseSensitive) {
                exact = TextFolding.composed(text.strip()).toCharArray();
                for (int i = 0; i < exact.length; i++) {
                    exact[i] = TextFolding.punctuation(exact[i]);
                }
            }
            Candidate cand = new Candidate(t, exact, ambiguous);
            if (caseSensitive) {
                // case-sensitive readings first: an exact acronym is the stronger evidence
                candidates.computeIfAbsent(key, k -> new ArrayList<>()).add(0, cand);
                return;
            }
            for (String spelling : TextFolding.ligatureSpellings(key)) {
                candidates.computeIfAbsent(spelling, k -> new ArrayList<>()).add(cand);
            }
            String spaced = spacedHyphens(text.strip());
            if (spaced != null) {
                candidates.computeIfAbsent(TextFolding.foldToString(spaced), k -> new ArrayList<>()).add(cand);
            }
        }

        /**
         * A hyphenated name as some write it, the hyphen between spaces ("Guinée - Bissau"), or null when it has
         * none: folded, each hyphen is one space, and the spaced form three.
         */
        private static String spacedHyphens(String text) {
            String spaced = HYPHEN.matcher(text).replaceAll(" - ");
            return spaced.equals(text) ? null : spaced;
        }

        void context(List<String> words, Target t, boolean negative) {
            for (String w : words) {
                String s = w.strip();
                boolean prefix = s.endsWith("*");
                if (prefix) {
                    s = s.substring(0, s.length() - 1);
                }
                String key = TextFolding.foldToString(s);
                if (!key.isBlank()) {
                    ContextRef ref = new ContextRef(t.index(), negative, prefix);
                    for (String spelling : TextFolding.ligatureSpellings(key)) {
                        contexts.computeIfAbsent(spelling, k -> new ArrayList<>()).add(ref);
                    }
                }
            }
        }

        AliasIndex build() {
            TreeMap<String, Node> nodes = new TreeMap<>();
            Set<String> keys = new HashSet<>(candidates.keySet());
            keys.addAll(contexts.keySet());
            for (String k : keys) {
                nodes.put(k, new Node(candidates.getOrDefault(k, List.of()).toArray(Candidate[]::new),
                        contexts.getOrDefault(k, List.of()).toArray(ContextRef[]::new)));
            }
            AhoCorasickDoubleArrayTrie<Node> trie = null;
            if (!nodes.isEmpty()) {
                trie = new AhoCorasickDoubleArrayTrie<>();
                trie.build(nodes);
            }
            return new AliasIndex(targets, trie);
        }
    }
}
