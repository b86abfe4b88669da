package io.mediamonitor.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

    private static double sum(Map<String, Double> parts) {
        return parts.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void theTimeOutsideJavaThreadsSplitsIntoCompilersRocksDbAndTheRest() {
        Map<String, Double> parts = CpuMeter.outsideJava(2.0, 0.5, 0.25);

        assertThat(parts).containsExactly(Map.entry("JIT compilers", 0.5),
                Map.entry("RocksDB flush and compaction", 0.25), Map.entry("GC and native", 1.25));
    }

    @Test
    void anUnlistedPartStaysInTheRest() {
        assertThat(CpuMeter.outsideJava(2.0, Double.NaN, 0.25)).containsExactly(
                Map.entry("RocksDB flush and compaction", 0.25), Map.entry("GC, JIT, native", 1.75));
        assertThat(CpuMeter.outsideJava(2.0, 0.5, Double.NaN)).containsExactly(
                Map.entry("JIT compilers", 0.5), Map.entry("GC and native", 1.5));
    }

    @Test
    void noPartExceedsWhatIsLeftSoThePartsAddUpToTheTimeOutsideJava() {
        // the process's time and the threads' are read at slightly different moments, and counted as finely as
        // the OS counts them: a part may read more than the whole
        Map<String, Double> parts = CpuMeter.outsideJava(1.0, 0.75, 0.5);

        assertThat(parts).containsEntry("JIT compilers", 0.75).containsEntry("RocksDB flush and compaction", 0.25)
                .containsEntry("GC and native", 0.0);
        assertThat(sum(parts)).isCloseTo(1.0, within(1e-12));
        assertThat(sum(CpuMeter.outsideJava(0.5, 0.75, Double.NaN))).isCloseTo(0.5, within(1e-12));
    }
}
