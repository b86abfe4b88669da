package io.mediamonitor.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.app.MediaMonitor;
import io.mediamonitor.app.jobs.TopicWriter;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import io.mediamonitor.schema.TopicProvisioner;
import io.mediamonitor.schema.Topics;
import io.mediamonitor.testing.KafkaTestCluster;
import io.mediamonitor.testing.TopicReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watching a keyword adds it to the dictionary only when the dictionary lacks it. */
class WatchCommandIT {

    private static final String PREFIX = "watch-it.";

    @TempDir
    Path dir;

    @Test
    void anActorOperatorsAddedOnTheDictionaryTopicCanBeWatchedAndAnUnknownOneIsRefused() throws Exception {
        // the README's way to add an actor at runtime is media.dictionary: before, watch knew only the built-in
        // dictionary and the user's file, and refused it
        Topics topics = new Topics(PREFIX);
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            provision(kafka, topics);
            TopicWriter.write(kafka.clientConfig(), topics.dictionary(), Map.of(
                    "actor:mali-junta", DictionaryEntry.newBuilder().setKind(DictionaryEntryKind.ACTOR)
                            .setId("mali-junta").setName("Junte malienne").setType("organisation")
                            .setAliases(List.of(new Alias("junte malienne", null, false))).build()));

            assertThat(watch(kafka, dir, "actor:mali-junta")).isZero();
            assertThat(watch(kafka, dir, "pair:mali-junta|ML")).isZero();
            assertThat(watch(kafka, dir, "actor:nobody-knows")).isEqualTo(2);
            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.watchlist(), Duration.ofSeconds(30)))
                    .containsOnlyKeys("actor:mali-junta", "pair:mali-junta|ML");
        }
    }

    @Test
    void aKeywordOperatorsPublishedWithItsAliasesIsNeitherReplacedNorRemovedByAWatch() throws Exception {
        // before, watching it replaced the operators' entry with a bare one, and removing the watch deleted it
        Topics topics = new Topics(PREFIX);
        DictionaryEntry junta = DictionaryEntry.newBuilder().setKind(DictionaryEntryKind.KEYWORD).setId("junte")
                .setName("junte").setAliases(List.of(new Alias("junte", null, false),
                        new Alias("junta", null, false))).build();
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            provision(kafka, topics);
            TopicWriter.write(kafka.clientConfig(), topics.dictionary(), Map.of("keyword:junte", junta));

            assertThat(watch(kafka, dir, "keyword:junte")).isZero();
            assertThat(watch(kafka, dir, "keyword:putsch")).isZero();
            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.dictionary(), Duration.ofSeconds(30)))
                    .containsEntry("keyword:junte", junta).containsKey("keyword:putsch");
            assertThat(MediaMonitor.commandLine().execute("watch", "keyword:junte", "--remove", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString(), "-D",
                    "topics.prefix=" + PREFIX)).isZero();
            assertThat(MediaMonitor.commandLine().execute("watch", "keyword:putsch", "--remove", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--data-dir", dir.resolve("data").toString(), "-D",
                    "topics.prefix=" + PREFIX)).isZero();

            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.dictionary(), Duration.ofSeconds(30)))
                    .as("the operators' entry stays; the bare one watch added goes").containsOnlyKeys("keyword:junte")
                    .containsEntry("keyword:junte", junta);
        }
    }

    /** The catalogue as the jobs create it (a compacted dictionary), before anything is written to it. */
    private static void provision(KafkaTestCluster kafka, Topics topics) throws Exception {
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, (short) -1).ensure(topics);
        }
    }

    private static int watch(KafkaTestCluster kafka, Path dir, String term) {
        return MediaMonitor.commandLine().execute("watch", term, "--bootstrap-servers", kafka.bootstrapServers(),
                "--data-dir", dir.resolve("data").toString(), "-D", "topics.prefix=" + PREFIX);
    }

    @Test
    void watchingAKeywordOfTheUsersFileKeepsItsAliasesWhileANewOneIsAdded() throws Exception {
        Path dictionary = Files.writeString(dir.resolve("dictionary.yaml"),
                "keywords:\n  - {keyword: junte, aliases: [junte, junta]}\n");
        Topics topics = new Topics(PREFIX);
        try (KafkaTestCluster kafka = KafkaTestCluster.singleBroker()) {
            for (String[] watch : new String[][] {{"keyword:junte", "--min-sources", "3"},
                    {"keyword:Nouveau Mot"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("watch"), java.util.Arrays.stream(watch)),
                        java.util.stream.Stream.of("--bootstrap-servers", kafka.bootstrapServers(), "--data-dir",
                                dir.resolve("data").toString(), "-D", "topics.prefix=" + PREFIX, "-D",
                                "enrich.dictionary.file=" + dictionary)).toArray(String[]::new);
                assertThat(MediaMonitor.commandLine().execute(args)).as(watch[0]).isZero();
            }

            assertThat(TopicReader.latest(kafka.bootstrapServers(), topics.watchlist(), Duration.ofSeconds(30)))
                    .containsOnlyKeys("keyword:junte", "keyword:nouveau mot");
            // the file's junte, with its alias junta, is left as it is; the new keyword is added
            Map<String, DictionaryEntry> added = TopicReader.latest(kafka.bootstrapServers(), topics.dictionary(),
                    Duration.ofSeconds(30));
            assertThat(added).containsOnlyKeys("keyword:nouveau mot");
        }
    }
}
