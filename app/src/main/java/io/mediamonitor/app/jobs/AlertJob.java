package io.mediamonitor.app.jobs;

import io.mediamonitor.alerts.detect.DetectorConfig;
import io.mediamonitor.alerts.notify.NotifyConfig;
import io.mediamonitor.alerts.stream.AlertService;
import io.mediamonitor.alerts.stream.AlertSettings;
import io.mediamonitor.alerts.stream.AlertSettingsBuilder;
import io.mediamonitor.alerts.stream.WatchPolicy;
import io.mediamonitor.app.config.ConfigException;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.config.NotifyKeys;
import io.mediamonitor.enrich.EnrichSettings;
import io.mediamonitor.model.WatchlistEntry;
import io.mediamonitor.schema.Terms;
import io.mediamonitor.schema.Topics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds the alert service, its watchlist and its notification channels from configuration. */
public final class AlertJob {

    /** An alert record stays small: its explaining articles are a few of the window's. */
    static final int MAX_ARTICLES_PER_ALERT = 50;

    private AlertJob() {
    }

    /** Detector windows always follow enrich's, since it scores enrich's windows. */
    public static AlertSettings settings(MonitorConfig config) {
        EnrichSettings windows = EnrichJob.settings(config);
        AlertSettings defaults = AlertSettings.defaults();
        double spikeScore = aboveZero(config, "alerts.spike.score", defaults.detector().spikeScore(),
                "a surprise of -log10 p");
        double riseThreshold = aboveZero(config, "alerts.rise.threshold", defaults.detector().cusumThreshold(),
                "a natural-log likelihood ratio");
        DetectorConfig detector = defaults.detector()
                .withWindows(windows.windowSize(), windows.windowAdvance(), windows.windowGrace())
                .with(d -> d.spikeScore(spikeScore).cusumThreshold(riseThreshold));
        Set<String> watched = defaults.watchedByDefault();
        if (config.has("alerts.watch.default")) {
            watched = Arrays.stream(config.string("alerts.watch.default", "").split(","))
                    .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            for (String type : watched) {
                if (!Terms.WATCHABLE_TYPES.contains(type)) {
                    throw new ConfigException("alerts.watch.default: unknown term type '" + type + "' (known: "
                            + String.join(", ", Terms.WATCHABLE_TYPES) + ")");
                }
            }
        }
        int articlesPerAlert = config.integer("alerts.articles.per.alert", defaults.articlesPerAlert());
        if (articlesPerAlert < 1 || articlesPerAlert > MAX_ARTICLES_PER_ALERT) {
            throw new ConfigException("alerts.articles.per.alert: must be 1 to " + MAX_ARTICLES_PER_ALERT + ", not "
                    + articlesPerAlert);
        }
        return AlertSettingsBuilder.builder(defaults)
                .detector(detector)
                .watchedByDefault(watched)
                .articlesPerAlert(articlesPerAlert)
                .lateness(windows.lateness())
                .watermarkLag(windows.maxWatermarkLag())
                .stateStore(windows.stateStore())
                .build();
    }

    private static double aboveZero(MonitorConfig config, String key, double byDefault, String what) {
        double value = config.decimal(key, byDefault);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(key + ": must be a number above 0 (" + what + "), not " + value);
        }
        return value;
    }

    /** The fields of a watchlist entry. */
    static final Set<String> WATCHLIST_FIELDS = Set.of("term", "label", "enabled", "min.stories", "min.sources",
            "min.score");

    /** The watchlist under {@code watchlist:} in the config: term, label, enabled, min.stories, min.sources, min.score. */
    public static List<WatchlistEntry> watchlist(MonitorConfig config) {
        List<Map<String, Object>> entries = config.list("watchlist", WATCHLIST_FIELDS);
        return java.util.stream.IntStream.range(0, entries.size()).mapToObj(i -> {
            Map<String, Object> entry = entries.get(i);
            Object term = entry.get("term");
            if (term == null || !term.toString().contains(":")) {
                throw new ConfigException("watchlist[" + i + "].term: expected a typed term such as actor:aes, got '"
                        + term + "'");
            }
            WatchlistEntry watched = WatchlistEntry.newBuilder()
                    .setTerm(term.toString())
                    .setLabel(entry.get("label") == null ? null : entry.get("label").toString())
                    .setEnabled(!"false".equals(String.valueOf(entry.getOrDefault("enabled", "true"))))
                    .setMinStories(number(entry, i, "min.stories", "a whole number", Integer::valueOf))
                    .setMinSources(number(entry, i, "min.sources", "a whole number", Integer::valueOf))
                    .setMinScore(number(entry, i, "min.score", "a number", Double::valueOf))
                    .build();
            WatchPolicy.InvalidThreshold invalid = WatchPolicy.invalidThreshold(watched);
            if (invalid != null) {
                throw new ConfigException("watchlist[" + i + "].min." + invalid.threshold() + ": " + invalid.problem());
            }
            return watched;
        }).toList();
    }

    private static <N> N number(Map<String, Object> entry, int index, String key, String expected,
                                Function<String, N> parse) {
        Object value = entry.get(key);
        try {
            return value == null ? null : parse.apply(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException("watchlist[" + index + "]." + key + ": expected " + expected + ", got '"
                    + value + "'");
        }
    }

    /** The notification channels of the {@code notify.*} keys, with the given keys' defaults under them. */
    public static NotifyConfig notifications(MonitorConfig config, Map<String, String> defaults) {
        return NotifyKeys.read(config.withDefaults(defaults));
    }

    public static AlertService create(MonitorConfig config, Topics topics, Map<String, Object> clientConfig, Path dataDir) {
        return create(config, topics, clientConfig, dataDir, alert -> { });
    }

    public static AlertService create(MonitorConfig config, Topics topics, Map<String, Object> clientConfig, Path dataDir,
                                      java.util.function.Consumer<io.mediamonitor.model.Alert> onAlert) {
        return new AlertService(topics, settings(config), clientConfig,
                config.string("alerts.application.id", AlertService.DEFAULT_APPLICATION_ID),
                dataDir.resolve("streams").toAbsolutePath().toString(), onAlert);
    }
}
