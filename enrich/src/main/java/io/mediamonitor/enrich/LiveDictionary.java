package io.mediamonitor.enrich;

import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.Tagger;
import io.mediamonitor.model.DictionaryEntry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tagger in force, rebuilt whenever the compacted media.dictionary topic changes, so an
 * operator's new actor or keyword tags the next article without a restart. The global-store
 * processor records changes; the next article's tagging rebuilds once; a rebuild that fails keeps
 * the previous tagger.
 */
public final class LiveDictionary {

    private static final Logger log = LoggerFactory.getLogger(LiveDictionary.class);

    private final Function<Map<String, DictionaryEntry>, Tagger> build;
    private final Map<String, DictionaryEntry> entries = new TreeMap<>();
    private final AtomicReference<Tagger> current;
    private volatile boolean stale;

    /** @param build makes a tagger from the base dictionary plus the topic's entries by key */
    public LiveDictionary(Function<Map<String, DictionaryEntry>, Tagger> build) {
        this.build = build;
        this.current = new AtomicReference<>(build.apply(Map.of()));
    }

    /**
     * Tags with {@code base}, plus the topic's entries once there are any (which override base entries by key),
     * except a bare keyword as {@code watch} adds it under the key of a keyword the base holds: that one would drop
     * the base keyword's aliases and context.
     */
    public static LiveDictionary over(Dictionary base) {
        Set<String> baseKeys = base.entries().stream().map(Dictionary::key).collect(Collectors.toSet());
        return new LiveDictionary(fromTopic -> {
            List<DictionaryEntry> overrides = fromTopic.values().stream()
                    .filter(entry -> !(baseKeys.contains(Dictionary.key(entry)) && Dictionary.isBareKeyword(entry)))
                    .toList();
            return overrides.isEmpty() ? base.tagger() : base.withEntries(overrides).tagger();
        });
    }

    /** The tagger in force; rebuilt here, once, after any number of changes (a restore replays many). */
    public Tagger tagger() {
        if (stale) {
            synchronized (this) {
                if (stale) {
                    rebuild();
                    stale = false;
                }
            }
        }
        return current.get();
    }

    /** Applies one record of media.dictionary; a null entry is a tombstone. */
    public synchronized void apply(String key, DictionaryEntry entry) {
        if (entry == null) {
            entries.remove(key);
        } else {
            entries.put(key, entry);
        }
        stale = true;
    }

    /** Replaces every entry at once, as after restoring the global store. */
    public synchronized void reset(Map<String, DictionaryEntry> all) {
        entries.clear();
        entries.putAll(all);
        stale = true;
    }

    private void rebuild() {
        try {
            // in topic-key order: keys differing only in case name one keyword, and the same one wins in every process
            Tagger tagger = build.apply(Collections.unmodifiableMap(new TreeMap<>(entries)));
            current.set(tagger);
            log.info("Dictionary now at version {} ({} operator entries)", tagger.dictionaryVersion(), entries.size());
        } catch (RuntimeException e) {
            log.error("Dictionary update rejected, keeping version {}: {}", current.get().dictionaryVersion(),
                    e.getMessage());
        }
    }
}
