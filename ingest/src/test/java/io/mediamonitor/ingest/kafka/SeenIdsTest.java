package io.mediamonitor.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediamonitor.schema.ArticleIds;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    void addReportsNewIdsOnce() {
        SeenIds seen = new SeenIds(10);
        String id = ArticleIds.of("https://example.com/a");
        assertThat(seen.add(id)).isTrue();
        assertThat(seen.add(id)).isFalse();
        assertThat(seen.contains(id)).isTrue();
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void forgetsTheOldestBeyondCapacity() {
        SeenIds seen = new SeenIds(3);
        for (String s : new String[] {"a", "b", "c", "d"}) {
            seen.add(ArticleIds.of(s));
        }
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains(ArticleIds.of("a"))).isFalse();
        assertThat(seen.contains(ArticleIds.of("b"))).isTrue();
        assertThat(seen.contains(ArticleIds.of("d"))).isTrue();
    }

    @Test
    void removeThenAddWorks() {
        SeenIds seen = new SeenIds(3);
        String a = ArticleIds.of("a");
        seen.add(a);
        seen.remove(a);
        assertThat(seen.contains(a)).isFalse();
        assertThat(seen.size()).isZero();
        assertThat(seen.add(a)).isTrue();
    }

    @Test
    void remembersEachIdForCapacityInsertionsUnderRandomChurn() {
        // reference model: an id is present when added (and not removed since) among the last `capacity` additions
        int capacity = 1_000;
        SeenIds seen = new SeenIds(capacity);
        java.util.Map<Long, Integer> addedAt = new java.util.HashMap<>();
        int additions = 0;
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            long fp = random.nextInt(3_000) + 1;
            final int now = additions;
            addedAt.values().removeIf(at -> at <= now - capacity);
            if (random.nextInt(10) == 0) {
                seen.remove(hex(fp));
                addedAt.remove(fp);
                continue;
            }
            boolean added = seen.addFingerprint(fp);
            assertThat(added).isEqualTo(!addedAt.containsKey(fp));
            if (added) {
                additions++;
                addedAt.put(fp, additions);
            }
            final int after = additions;
            addedAt.values().removeIf(at -> at <= after - capacity);
            assertThat(seen.size()).isEqualTo(addedAt.size());
        }
        Set<Long> present = new HashSet<>();
        for (long fp = 1; fp <= 3_000; fp++) {
            if (seen.contains(hex(fp))) {
                present.add(fp);
            }
        }
        assertThat(present).isEqualTo(addedAt.keySet());
    }

    private static String hex(long fp) {
        return String.format("%016x", fp) + "0".repeat(16);
    }
}
