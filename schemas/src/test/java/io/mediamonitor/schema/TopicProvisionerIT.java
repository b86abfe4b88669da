package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.testing.KafkaTestCluster;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicProvisionerIT {

    private static KafkaTestCluster kafka;

    @BeforeAll
    static void startKafka() {
        kafka = KafkaTestCluster.singleBroker();
    }

    @AfterAll
    static void stopKafka() {
        kafka.close();
    }

    @Test
    void createsTheCatalogueOnceAndIsIdempotent() throws Exception {
        Topics topics = new Topics("prov.");
        try (Admin admin = kafka.admin()) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, (short) -1);

            List<String> first = provisioner.ensure(topics);
            List<String> second = provisioner.ensure(topics);

            assertThat(first).containsExactlyInAnyOrderElementsOf(
                    topics.all().stream().map(Topic::name).toList());
            assertThat(second).isEmpty();
            var description = admin.describeTopics(List.of(topics.articlesRaw().name()))
                    .allTopicNames().get().get(topics.articlesRaw().name());
            assertThat(description.partitions()).hasSize(topics.articlesRaw().spec().partitions());
            ConfigResource status = new ConfigResource(ConfigResource.Type.TOPIC, topics.feedsStatus().name());
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(status)).all().get();
            assertThat(configs.get(status).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void createsTheArticlesOfTheCountsWithThePartitionsTheCountsAlreadyHave() throws Exception {
        Topics topics = new Topics("follow.");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.mentions().name(), 3, (short) 1))).all().get();

            new TopicProvisioner(admin, (short) -1).ensure(topics);

            assertThat(partitions(admin, topics.mentionArticles())).isEqualTo(3);
            assertThat(partitions(admin, topics.articlesRaw())).isEqualTo(Topics.DEFAULT_PARTITIONS);
        }
    }

    @Test
    void refusesCountsAndTheirArticlesOnDifferentPartitionCountsNamingBothAndTheFix() throws Exception {
        Topics topics = new Topics("apart.");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.mentions().name(), 3, (short) 1),
                    new NewTopic(topics.mentionArticles().name(), 2, (short) 1))).all().get();

            assertThatThrownBy(() -> new TopicProvisioner(admin, (short) -1).ensure(topics))
                    .isInstanceOf(TopicLayoutException.class)
                    .hasMessageStartingWith("apart.mentions has 3 partitions and apart.mentions.articles 2, but they "
                            + "must have as many: one alerts task")
                    .hasMessageEndingWith("(partitions can only be added: kafka-topics.sh --alter --topic "
                            + "apart.mentions.articles --partitions 3).");
        }
    }

    private static int partitions(Admin admin, Topic<?, ?> topic) throws Exception {
        return admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name()).partitions().size();
    }
}
