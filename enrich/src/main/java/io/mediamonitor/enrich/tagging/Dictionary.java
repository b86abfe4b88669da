package io.mediamonitor.enrich.tagging;

import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.schema.Terms;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the tagger looks for: the country gazetteer, the built-in actors (Sahel watch pack) and the
 * entries published on the compacted {@code media.dictionary} topic, which override built-ins with
 * the same key. Immutable: each change returns a new dictionary, with its own version and tagger.
 */
public final class Dictionary {

    private final Gazetteer gazetteer;
    private final Map<String, DictionaryEntry> builtIns;
    private final Map<String, DictionaryEntry> overrides;
    private final String version;
    private volatile Tagger tagger;

    private static final class Holder {
        static final Dictionary BUILT_IN = of(Gazetteer.bundled(), DictionaryYaml.sahelPack());
    }

    private Dictionary(Gazetteer gazetteer, Map<String, DictionaryEntry> builtIns, Map<String, DictionaryEntry> overrides) {
        this.gazetteer = gazetteer;
        this.builtIns = builtIns;
        this.overrides = overrides;
        this.version = computeVersion();
    }

    /** The bundled gazetteer and Sahel watch pack. */
    public static Dictionary builtIn() {
        return Holder.BUILT_IN;
    }

    /** A dictionary over any gazetteer and built-in entries (tests, other watch packs). */
    public static Dictionary of(Gazetteer gazetteer, Collection<DictionaryEntry> builtIns) {
        return new Dictionary(gazetteer, byKey(new TreeMap<>(), builtIns), new TreeMap<>());
    }

    /** A keyword as an operator watches it ({@code watch keyword:...}): matched in any case and any language. */
    public static DictionaryEntry keywordEntry(String keyword) {
        return DictionaryEntry.newBuilder().setKind(DictionaryEntryKind.KEYWORD).setId(keyword).setName(keyword)
                .setAliases(List.of(new Alias(keyword, null, false))).build();
    }

    /** Whether the entry is a keyword as {@link #keywordEntry} makes it: its text, no other alias, no context. */
    public static boolean isBareKeyword(DictionaryEntry entry) {
        return entry.getKind() == DictionaryEntryKind.KEYWORD && entry.equals(keywordEntry(entry.getId()));
    }

    /**
     * The topic key of an entry: {@code actor:ID} or {@code keyword:text}, the keyword's term (lower case, as it is
     * counted), so that "coup d'État" watched and "coup d'état" of a file are one entry, not two that both match.
     */
    public static String key(DictionaryEntry e) {
        return e.getKind() == DictionaryEntryKind.ACTOR ? "actor:" + e.getId() : Terms.keyword(e.getId());
    }

    /** Upserts entries by key; an entry with the key of a built-in replaces it. */
    public Dictionary withEntries(Collection<DictionaryEntry> entries) {
        if (entries.isEmpty()) {
            return this;
        }
        return new Dictionary(gazetteer, builtIns, byKey(new TreeMap<>(overrides), entries));
    }

    /**
     * Removes the entry published under {@code key} (a tombstone): a built-in it had overridden comes
     * back. To silence a built-in actor, publish it with no aliases instead.
     */
    public Dictionary without(String key) {
        if (!overrides.containsKey(key)) {
            return this;
        }
        Map<String, DictionaryEntry> rest = new TreeMap<>(overrides);
        rest.remove(key);
        return new Dictionary(gazetteer, builtIns, rest);
    }

    /** The entries in force, built-ins overridden, in key order. */
    public List<DictionaryEntry> entries() {
        Map<String, DictionaryEntry> all = new TreeMap<>(builtIns);
        all.putAll(overrides);
        return new ArrayList<>(all.values());
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** Short stable hash of the content (gazetteer files and entries in force): equal content, equal version. */
    public String version() {
        return version;
    }

    /** The tagger for this dictionary, built on first use and kept. */
    public Tagger tagger() {
        Tagger t = tagger;
        if (t == null) {
            synchronized (this) {
                t = tagger;
                if (t == null) {
                    t = new DictionaryTagger(AliasIndex.build(gazetteer, entries()), version);
                    tagger = t;
                }
            }
        }
        return t;
    }

    private static Map<String, DictionaryEntry> byKey(Map<String, DictionaryEntry> into, Collection<DictionaryEntry> entries) {
        Map<String, DictionaryEntry> in = new LinkedHashMap<>();
        for (DictionaryEntry e : entries) {
            in.put(key(e), e);
        }
        into.putAll(in);
        return into;
    }

    private String computeVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(gazetteer.sourceBytes());
            for (DictionaryEntry e : entries()) {
                // Avro's JSON rendering lists fields in schema order: a canonical form of the entry
                sha.update(("\n" + key(e) + "\t" + e).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
