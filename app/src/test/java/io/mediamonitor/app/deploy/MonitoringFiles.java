package io.mediamonitor.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The monitoring shipped for the compose deployment (deploy/): its files and the queries in them. */
public final class MonitoringFiles {

    public static final Path DEPLOY = Path.of("..", "deploy");
    public static final Path RULES = DEPLOY.resolve("prometheus/alerts.yml");
    public static final Path RULE_TESTS = DEPLOY.resolve("prometheus/alerts.test.yml");
    public static final Path PROMETHEUS = DEPLOY.resolve("prometheus/prometheus.yml");
    public static final Path DASHBOARD = DEPLOY.resolve("grafana/dashboards/media-monitor.json");
    public static final Path DATASOURCE = DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml");

    /** Metric names the project exports; Prometheus's own ({@code up}) and functions are not. */
    private static final Pattern METRIC = Pattern.compile("\\b(media_monitor_\\w+|kafka_\\w+|jvm_\\w+)\\b");

    private MonitoringFiles() {
    }

    /** Every alerting rule's expression. */
    public static List<String> ruleExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : new YAMLMapper().readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.add(rule.path("expr").asText());
            }
        }
        return expressions;
    }

    /** Every dashboard panel's query. */
    public static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard().path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        return expressions;
    }

    public static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    /** The metric names the rules and the dashboard query. */
    public static Set<String> metricNames() throws IOException {
        Set<String> names = new TreeSet<>();
        List<String> expressions = new ArrayList<>(ruleExpressions());
        expressions.addAll(dashboardExpressions());
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
