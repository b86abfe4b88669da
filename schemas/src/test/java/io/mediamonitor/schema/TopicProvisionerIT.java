package io.mediamonitor.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.testing.KafkaTestCluster;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
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

            List<String> first = provisioner.ensure(topics.all());
            List<String> second = provisioner.ensure(topics.all());

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
}
