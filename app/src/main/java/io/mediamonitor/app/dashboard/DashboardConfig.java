package io.mediamonitor.app.dashboard;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * Settings of the dashboard.
 *
 * @param bindAddress   address to listen on (default 127.0.0.1: the dashboard has no login)
 * @param port          port to listen on, 0 for a random free one (default 8080)
 * @param alertCapacity alerts kept in memory, the newest (default 500)
 * @param windowSize    length of enrich's mention-count windows (default 1 h, as EnrichSettings)
 * @param windowStep    distance between consecutive window starts (enrich's advance, default 10 min)
 * @param trailingSpan  how far back the chart's trailing-mean baseline looks (default 24 h)
 * @param chartSpan     the chart's default period, ending now (default 72 h)
 * @param topPeriod     the period of "top countries and actors now" (default 24 h)
 * @param silenceAfter  a feed with no new article for longer is shown silent (default 24 h)
 * @param topicsRefresh topic offsets and lags are read again at most this often (default 2 s)
 */
@RecordBuilder
public record DashboardConfig(String bindAddress, int port, int alertCapacity, Duration windowSize,
                              Duration windowStep, Duration trailingSpan, Duration chartSpan, Duration topPeriod,
                              Duration silenceAfter, Duration topicsRefresh) implements DashboardConfigBuilder.With {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public static DashboardConfig defaults() {
        return new DashboardConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, 500, Duration.ofHours(1),
                Duration.ofMinutes(10), Duration.ofHours(24), Duration.ofHours(72), Duration.ofHours(24),
                Duration.ofHours(24), Duration.ofSeconds(2));
    }

    public DashboardConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (alertCapacity < 1) {
            throw new IllegalArgumentException("alert capacity must be positive: " + alertCapacity);
        }
    }
}
