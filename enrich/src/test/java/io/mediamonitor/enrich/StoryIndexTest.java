package io.mediamonitor.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoryIndexTest {

    private static final String TEXT = "Les chefs d'État du Mali, du Burkina Faso et du Niger se sont réunis samedi à "
            + "Niamey pour le premier sommet de l'Alliance des États du Sahel et ont adopté un traité.";
    private static final StorySignature SUMMIT = StorySignature.of("Sommet", TEXT);
    private static final StorySignature OTHER = StorySignature.of("Autre", "Un tout autre sujet, au Tchad, sans "
            + "rapport avec le sommet de Niamey ni avec l'alliance des trois pays du Sahel central.");

    private record Story(String id, long firstSeenAt, StorySignature signature) {
    }

    @Test
    void builtAtOnceItIsTheSameAsBuiltStoryByStoryInAnyOrder() {
        List<Story> stories = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            // a few texts, so that stories share bands, and first-seen times that tie
            String text = TEXT + " Variante " + random.nextInt(20) + ".";
            stories.add(new Story("s" + i, random.nextInt(50), StorySignature.of("Sommet", text)));
        }
        StoryIndex inOrder = new StoryIndex();
        stories.forEach(s -> inOrder.add(s.id(), s.firstSeenAt(), s.signature()));
        List<Story> shuffled = new ArrayList<>(stories);
        Collections.shuffle(shuffled, random);
        StoryIndex rebuilt = new StoryIndex();
        shuffled.forEach(s -> rebuilt.add(s.id(), s.firstSeenAt(), s.signature()));

        assertThat(rebuilt.bands()).isEqualTo(inOrder.bands());
        for (Story s : stories) {
            for (int band = 0; band < StorySignature.BANDS; band++) {
                long key = s.signature().bandKey(band);
                assertThat(rebuilt.withBand(key)).isEqualTo(inOrder.withBand(key));
            }
        }
    }

    @Test
    void theStoryThatStartedLastHoldsASharedBandAndForgettingItFreesOnlyItsOwn() {
        StoryIndex index = new StoryIndex();
        index.add("new", 2_000, SUMMIT);
        index.add("old", 1_000, SUMMIT);
        index.add("else", 1_500, OTHER);
        long band = SUMMIT.bandKey(0);
        assertThat(index.withBand(band)).isEqualTo(new StoryIndex.Story("new", 2_000, SUMMIT));

        index.remove("old");
        assertThat(index.withBand(band).id()).isEqualTo("new");
        index.remove("new");
        assertThat(index.withBand(band)).isNull();
        assertThat(index.withBand(OTHER.bandKey(0)).id()).isEqualTo("else");
    }

    @Test
    void aStoryOpenedAnewUnderItsIdReplacesTheOldOneAndItsBands() {
        StoryIndex index = new StoryIndex();
        index.add("a1", 1_000, SUMMIT);
        index.add("a1", 9_000, OTHER); // its first article read again, edited, once the repeat filter forgot it

        assertThat(index.story("a1")).isEqualTo(new StoryIndex.Story("a1", 9_000, OTHER));
        assertThat(index.withBand(SUMMIT.bandKey(0))).as("the old text's bands are free").isNull();
        assertThat(index.withBand(OTHER.bandKey(0)).firstSeenAt()).isEqualTo(9_000);
        index.remove("a1");
        assertThat(index.story("a1")).isNull();
        assertThat(index.bands()).isZero();
    }

    @Test
    void aSignatureOfNoTextIndexesNothingAndKeepsItsBytes() {
        StoryIndex index = new StoryIndex();
        StorySignature empty = StorySignature.of("", "");
        index.add("blank", 0, empty);
        assertThat(index.bands()).isZero();
        assertThat(index.story("blank").firstSeenAt()).as("known by its id, for forgetting it").isZero();

        StorySignature signature = StorySignature.of("Sommet", TEXT);
        StorySignature read = StorySignature.fromBytes(ByteBuffer.wrap(signature.toBytes()));
        assertThat(read.jaccard(signature)).isEqualTo(1.0);
        assertThat(read.shingles()).isEqualTo(signature.shingles());
        assertThat(StorySignature.fromBytes(ByteBuffer.wrap(empty.toBytes())).isEmpty()).isTrue();
    }
}
