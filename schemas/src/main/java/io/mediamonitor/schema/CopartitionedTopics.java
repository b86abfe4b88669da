package io.mediamonitor.schema;

/**
 * Two topics whose records of one key must sit on the same partition number of each: one task reads a partition of
 * both and keeps what it reads together, as Kafka Streams requires of a join's inputs. The follower is created with
 * the leader's partitions, whatever the catalogue says, and a layout where they differ is refused at start-up.
 *
 * @param why what goes wrong otherwise, in a sentence that ends the error message
 */
public record CopartitionedTopics(Topic<?, ?> leader, Topic<?, ?> follower, String why) {
}
