package io.mediamonitor.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesFromTheBaseUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(30));
        assertThat(IntStream.rangeClosed(1, 9).mapToObj(n -> policy.backoffAfter(n).toMillis()).toList())
                .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L, 30_000L);
        assertThat(policy.backoffAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaultWaitsSevenAndAHalfSecondsOverFiveAttempts() {
        assertThat(RetryPolicy.DEFAULT.attempts()).isEqualTo(5);
        assertThat(RetryPolicy.DEFAULT.totalBackoff()).isEqualTo(Duration.ofMillis(7_500));
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
