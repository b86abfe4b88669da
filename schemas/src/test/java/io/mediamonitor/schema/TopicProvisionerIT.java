package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.testing.KafkaTestCluster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsResult;
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
    void aLeaderTheListingDoesNotShowYetStillGivesItsFollowerItsPartitions() throws Exception {
        Topics topics = new Topics("lagging.");
        try (Admin admin = kafka.admin()) {
            // the listing as a broker gives it a moment before the counts' topic is created (a CI run met this)
            ListTopicsResult before = admin.listTopics();
            before.names().get();
            admin.createTopics(List.of(new NewTopic(topics.mentions().name(), 3, (short) 1))).all().get();
            Admin lagging = (Admin) Proxy.newProxyInstance(Admin.class.getClassLoader(), new Class<?>[] {Admin.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("listTopics")) {
                            return before;
                        }
                        try {
                            return method.invoke(admin, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });

            new TopicProvisioner(lagging, (short) -1).ensure(topics);

            assertThat(partitions(admin, topics.mentionArticles())).isEqualTo(3);
            assertThat(partitions(admin, topics.mentions())).isEqualTo(3);
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
