package io.mediamonitor.enrich.bench;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.Gazetteer;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The approach the tagger replaces: one java.util.regex Pattern per alias, with word boundaries,
 * case-insensitive (case-sensitive for acronyms), each run over the whole text. No context rules
 * and no longest-match: it only counts raw matches, so it does less work than the tagger.
 */
public final class RegexBaseline {

    private final List<Pattern> patterns = new ArrayList<>();

    public RegexBaseline(Dictionary dictionary) {
        for (Gazetteer.Country c : dictionary.gazetteer().countries()) {
            for (Gazetteer.Form f : c.forms()) {
                add(f.text(), f.caseSensitive());
            }
        }
        for (DictionaryEntry e : dictionary.entries()) {
            for (Alias a : e.getAliases()) {
                add(a.getText(), Boolean.TRUE.equals(a.getCaseSensitive()));
            }
        }
    }

    private void add(String alias, boolean caseSensitive) {
        int flags = caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        patterns.add(Pattern.compile("\\b" + Pattern.quote(alias) + "\\b", flags));
    }

    public int patternCount() {
        return patterns.size();
    }

    /** Total raw matches of every pattern in the text. */
    public int count(String text) {
        int n = 0;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                n++;
            }
        }
        return n;
    }
}
