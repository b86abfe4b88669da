package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.model.MentionCount;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class WindowTallyTest {

    private final WindowGrid grid = WindowGrid.of(Duration.ofHours(1), Duration.ofMinutes(10));
    private final Serde<WindowTally> serde = CountingSerdes.windowTally();

    @Test
    void followsTheMostStoriesOneSourcePublishedAloneAsStoriesStopBeingAlone() {
        WindowTally tally = new WindowTally();
        tally.aloneChanged(0, 1); // A: 1
        tally.aloneChanged(1, 2); // A: 2
        tally.aloneChanged(0, 1); // B: 1
        assertThat(tally.topSourceStories()).isEqualTo(2);

        tally.aloneChanged(2, 1); // one of A's stories is carried by another source
        assertThat(tally.topSourceStories()).isEqualTo(1);
        tally.aloneChanged(1, 0); // and B's
        assertThat(tally.topSourceStories()).as("A still has one").isEqualTo(1);
        tally.aloneChanged(1, 0);
        assertThat(tally.topSourceStories()).isZero();
    }

    @Test
    void staysTheSameSizeHoweverManyStoriesAndSourcesTheWindowHolds() {
        WindowTally tally = new WindowTally();
        tally.countArticle("a0", 1_000, 500);
        int small = serde.serializer().serialize("t", tally).length;
        for (int i = 1; i <= 10_000; i++) {
            tally.countArticle("a" + i, 1_000 + i, 500);
            tally.countStory();
            if (i <= 300) {
                tally.countSource();
            }
        }
        int large = serde.serializer().serialize("t", tally).length;

        assertThat(large).as("bytes after 10,000 stories from 300 sources").isLessThan(small + 16);
    }

    @Test
    void roundTripsAndReadsAsThePublicCountWithSortedSourceNames() {
        WindowTally tally = new WindowTally();
        tally.countArticle("a1", 3_600_000, 1_000);
        tally.countArticle("a2", 3_000_000, 900);
        tally.countStory();
        tally.countSource();
        tally.countSource();
        tally.aloneChanged(0, 1);

        WindowTally read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", tally));
        MentionCount count = read.toCount("country:ML", 3_000_000, grid, List.of("RFI", "AFP"));

        assertThat(count.getArticles()).isEqualTo(2);
        assertThat(count.getStories()).isEqualTo(1);
        assertThat(count.getSources()).isEqualTo(2);
        assertThat(count.getTopSourceStories()).isEqualTo(1);
        assertThat(count.getSourceNames()).containsExactly("AFP", "RFI");
        assertThat(count.getLastArticleId()).isEqualTo("a2");
        assertThat(count.getLastEventAt().toEpochMilli()).isEqualTo(3_000_000);
        assertThat(read.latestEventAt()).isEqualTo(3_600_000);
        assertThat(count.getCountingSince().toEpochMilli()).isEqualTo(900);
        assertThat(count.getWindowEnd().toEpochMilli()).isEqualTo(6_600_000);
    }

    @Test
    void keepsTheLatestVolumeOfItsWindowAndReadsATallyWrittenBeforeItHadOneAsNone() throws Exception {
        WindowTally tally = new WindowTally();
        tally.countArticle("a1", 3_600_000, 1_000);
        tally.volumeSeen(7);
        tally.volumeSeen(5); // a mention written before one that saw 7: volumes only grow
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", tally)).windowStories())
                .isEqualTo(7);

        // the first format: version 1, then the same fields up to countingSince
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        out.writeInt(1);
        out.writeInt(2); // articles
        out.writeInt(1); // stories
        out.writeInt(1); // sources
        out.writeInt(0); // alone
        out.writeString("a2");
        out.writeLong(3_000_000);
        out.writeLong(3_600_000);
        out.writeLong(900);
        out.flush();
        WindowTally old = serde.deserializer().deserialize("t", bytes.toByteArray());

        assertThat(old.articles()).isEqualTo(2);
        assertThat(old.latestEventAt()).isEqualTo(3_600_000);
        assertThat(old.windowStories()).as("not known: the detectors read the window's total instead").isZero();
    }

    @Test
    void aStorysRecordRoundTrips() {
        StoryPresence story = new StoryPresence();
        story.add(2_900_000, "RFI", grid);
        story.add(2_900_003, "Le Monde", grid);
        Serde<StoryPresence> stories = CountingSerdes.storyPresence();

        StoryPresence read = stories.deserializer().deserialize("t", stories.serializer().serialize("t", story));

        assertThat(read.sightings()).isEqualTo(story.sightings());
    }
}
