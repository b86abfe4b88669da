package io.mediamonitor.app.cli;

import io.mediamonitor.alerts.stream.WatchPolicy;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.app.jobs.KafkaEnvironment;
import io.mediamonitor.app.jobs.TopicWriter;
import io.mediamonitor.enrich.tagging.Dictionary;
import io.mediamonitor.enrich.tagging.Gazetteer;
import io.mediamonitor.kafka.MissingTopicException;
import io.mediamonitor.kafka.TopicFollower;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.schema.Terms;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Changes the watchlist (and, for keywords, the dictionary) at runtime, without restarting any job. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        header = "Add, change or remove a watched term at runtime.",
        description = "Add, change or remove a watched term on the compacted media.watchlist topic; running jobs pick it up without a restart. A keyword term (keyword:TEXT) the dictionary lacks is also added to it (media.dictionary) so enrich starts counting it; one it holds keeps its aliases and context. Examples:  watch \"keyword:coup d'État\"   watch actor:wagner --min-sources 4   watch country:ML --disable")
public final class WatchCommand implements Callable<Integer> {

    private static final Duration DICTIONARY_READ_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "TERM", description = "Typed term: actor:ID, country:CODE, keyword:TEXT, pair:ACTOR|CODE.")
    String term;

    @Option(names = "--label", description = "Display name.")
    String label;

    @Option(names = "--min-stories", description = "Fewest distinct stories in a window before an alert.")
    Integer minStories;

    @Option(names = "--min-sources", description = "Fewest distinct sources in a window before an alert.")
    Integer minSources;

    @Option(names = "--min-score", description = "Smallest surprise score (-log10 p) that alerts.")
    Double minScore;

    @Option(names = "--disable", description = "Keep learning the term's baseline but raise no alerts.")
    boolean disable;

    @Option(names = "--remove", description = "Remove the entry (the term falls back to the default watch rules).")
    boolean remove;

    @Override
    public Integer call() {
        String type = Terms.type(term);
        if (!Terms.WATCHABLE_TYPES.contains(type) || Terms.value(term).isBlank()) {
            throw new IllegalArgumentException("expected a typed term such as actor:aes, country:ML, keyword:coup d'État;"
                    + " got '" + term + "'");
        }
        if (remove && (label != null || minStories != null || minSources != null || minScore != null || disable)) {
            throw new IllegalArgumentException("--remove takes no other option: it removes the entry, and the term "
                    + "follows the default watch rules (to keep it quiet, use --disable alone)");
        }
        String key = type.equals("keyword") ? Terms.keyword(Terms.value(term)) : term;
        MonitorConfig config = global.config();
        Dictionary base = remove ? null : EnrichJob.baseDictionary(config);
        List<String> actors = remove ? List.of() : checkKnown(type, Terms.value(term));
        WatchlistEntry entry = remove ? null : WatchlistEntry.newBuilder().setTerm(key).setLabel(label)
                .setEnabled(!disable).setMinStories(minStories).setMinSources(minSources).setMinScore(minScore).build();
        WatchPolicy.InvalidThreshold invalid = entry == null ? null : WatchPolicy.invalidThreshold(entry);
        if (invalid != null) {
            throw new IllegalArgumentException("--min-" + invalid.threshold() + " " + invalid.problem());
        }
        List<String> unknown = actors.stream().filter(actor -> !isActor(base.entries(), actor)).toList();
        if (!unknown.isEmpty()) {
            // not in the built-in dictionary nor the file: perhaps operators added it on media.dictionary; read
            // before anything is written (a mistyped prefix would otherwise create its topics first)
            try (KafkaEnvironment kafka = KafkaEnvironment.openForReading(config)) {
                Map<String, DictionaryEntry> published = published(kafka);
                for (String actor : unknown) {
                    if (!isActor(published.values(), actor)) {
                        throw new IllegalArgumentException("unknown actor '" + actor + "': not in the built-in "
                                + "dictionary, enrich.dictionary.file nor " + kafka.topics().dictionary().name()
                                + "; add it there first");
                    }
                }
            }
        }
        try (KafkaEnvironment kafka = KafkaEnvironment.open(config)) {
            Map<String, WatchlistEntry> watch = new HashMap<>();
            watch.put(key, entry);
            // a keyword the dictionary lacks is added to it; one it holds (a file's, or one operators published with
            // its aliases and context) is left as it is, and removing the watch takes out only the bare entry watch
            // added (enrich also ignores a bare entry under a key its own dictionary holds, should this command run
            // with another dictionary file than the job's)
            boolean uncounted = false;
            if (type.equals("keyword")) {
                boolean known = base != null && base.entries().stream().anyMatch(e -> Dictionary.key(e).equals(key));
                DictionaryEntry published = known ? null : published(kafka).get(key);
                if (remove ? published != null && Dictionary.isBareKeyword(published) : !known && published == null) {
                    Map<String, DictionaryEntry> dictionary = new HashMap<>();
                    dictionary.put(key, remove ? null : Dictionary.keywordEntry(Terms.value(term)));
                    TopicWriter.write(kafka.clientConfig(), kafka.topics().dictionary(), dictionary);
                    uncounted = remove;
                }
            }
            TopicWriter.write(kafka.clientConfig(), kafka.topics().watchlist(), watch);
            System.out.println((uncounted ? "Removed " + key + ": no longer watched, nor counted (watch had added it)"
                    : remove ? "Removed " + key + ": it follows the default watch rules again"
                    : disable ? "Disabled alerts on " + key + ": its baseline keeps learning"
                    : "Watching " + key) + " (" + kafka.topics().watchlist().name() + ")");
        }
        return 0;
    }

    /**
     * A country must be an ISO 3166 code the gazetteer knows, an actor one the dictionary holds: a term nothing
     * will ever be counted under would be watched in vain, silently. Checks the countries; answers the actors to
     * look up.
     */
    private static List<String> checkKnown(String type, String value) {
        switch (type) {
            case "country" -> checkCountry(value);
            case "actor" -> {
                return List.of(value);
            }
            case "pair" -> {
                int bar = value.indexOf('|');
                if (bar < 0) {
                    throw new IllegalArgumentException("a pair is pair:ACTOR|CODE, e.g. pair:wagner|ML; got pair:" + value);
                }
                checkCountry(value.substring(bar + 1));
                return List.of(value.substring(0, bar));
            }
            default -> { } // a keyword is added to the dictionary below
        }
        return List.of();
    }

    private static void checkCountry(String code) {
        if (Gazetteer.bundled().country(code) == null) {
            throw new IllegalArgumentException("unknown country code '" + code + "': use an ISO 3166 alpha-2 code "
                    + "such as ML, BF or NE");
        }
    }

    /** The entries operators (and this command) published on media.dictionary, by key; none before any job ran. */
    private static Map<String, DictionaryEntry> published(KafkaEnvironment kafka) {
        try (TopicFollower<String, DictionaryEntry> follower = TopicFollower.of(kafka.topics().dictionary(),
                kafka.clientConfig()).build()) {
            return follower.latestToEnd(DICTIONARY_READ_TIMEOUT);
        } catch (MissingTopicException e) {
            return Map.of();
        }
    }

    private static boolean isActor(Collection<DictionaryEntry> entries, String id) {
        return entries.stream().anyMatch(e -> e.getKind() == DictionaryEntryKind.ACTOR && e.getId().equals(id));
    }
}
