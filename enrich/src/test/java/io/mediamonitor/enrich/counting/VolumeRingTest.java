package io.mediamonitor.enrich.counting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeRingTest {

    @Test
    void countsStoriesPerWindowInAnyOrderAndForgetsClosedWindows() {
        VolumeRing ring = new VolumeRing();
        ring.countStory(100);
        ring.countStory(100);
        ring.countStory(97);  // a late article, before the first window seen
        ring.countStory(103);

        assertThat(ring.stories(100)).isEqualTo(2);
        assertThat(ring.stories(97)).isEqualTo(1);
        assertThat(ring.stories(103)).isEqualTo(1);
        assertThat(ring.stories(101)).isZero();
        assertThat(ring.stories(42)).isZero();

        ring.forgetBefore(100);

        assertThat(ring.stories(97)).isZero();
        assertThat(ring.stories(100)).isEqualTo(2);
        assertThat(ring.stories.length).as("only the open windows kept").isEqualTo(4);
    }
}
