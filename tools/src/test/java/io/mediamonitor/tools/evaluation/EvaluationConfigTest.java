package io.mediamonitor.tools.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvaluationConfigTest {

    private static EvaluationConfig withSeeds(long tuning, List<Long> tests) {
        return new EvaluationConfig("t", List.of(1.0), 2, 10, 2, tuning, tests, 0.01, 40,
                EvaluationConfig.Drift.steady());
    }

    @Test
    void testSeedsMustBeDistinctAndApartFromTheTuningSeed() {
        assertThatThrownBy(() -> withSeeds(5, List.of(6L, 5L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withSeeds(5, List.of(6L, 6L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withSeeds(5, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(withSeeds(5, List.of(6L, 7L)).testSeeds()).containsExactly(6L, 7L);
    }

    @Test
    void bothShippedWorldsAreJudgedOnTheSameFourTestWorlds() {
        assertThat(EvaluationConfig.defaults().testSeeds()).hasSize(4)
                .isEqualTo(EvaluationConfig.volatileNews().testSeeds())
                .doesNotContain(EvaluationConfig.defaults().tuningSeed());
    }
}
