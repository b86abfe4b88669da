package io.mediamonitor.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus rules, their unit tests and the Grafana dashboard shipped in deploy/, checked with Prometheus's
 * own promtool (CI installs Debian's prometheus package for it). That the metrics they name are exported is
 * checked on a running demo ({@code DemoRunIT}).
 */
class MonitoringFilesIT {

    private static final ExternalTool PROMTOOL = new ExternalTool("promtool");

    @TempDir
    Path dir;

    @Test
    void theAlertingRulesParseAndPassTheirUnitTests() throws Exception {
        assumeTrue(PROMTOOL.installed(), "promtool is not installed (Debian package prometheus)");

        ExternalTool.Result check = PROMTOOL.run("check", "rules", MonitoringFiles.RULES.toString());
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 7 rules found");
        ExternalTool.Result tests = PROMTOOL.run("test", "rules", MonitoringFiles.RULE_TESTS.toString());
        assertThat(tests.exit()).as(tests.output()).isZero();
        ExternalTool.Result config = PROMTOOL.run("check", "config", "--syntax-only", MonitoringFiles.PROMETHEUS.toString());
        assertThat(config.exit()).as(config.output()).isZero();
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        assumeTrue(PROMTOOL.installed(), "promtool is not installed (Debian package prometheus)");
        // promtool parses queries where rules hold them: one recording rule per panel query
        List<String> expressions = MonitoringFiles.dashboardExpressions();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: '")
                    .append(expressions.get(i).replace("'", "''")).append("'\n");
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        ExternalTool.Result check = PROMTOOL.run("check", "rules", file.toString());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + expressions.size() + " rules found");
    }

    @Test
    void theDashboardReadsTheProvisionedDatasourceAndItsPanelsFitTheGrid() throws Exception {
        JsonNode dashboard = MonitoringFiles.dashboard();
        String datasource = new YAMLMapper().readTree(MonitoringFiles.DATASOURCE.toFile())
                .path("datasources").get(0).path("uid").asText();

        assertThat(dashboard.path("uid").asText()).isEqualTo("media-monitor");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            String title = panel.path("title").asText();
            assertThat(ids.add(panel.path("id").asInt())).as("unique id of %s", title).isTrue();
            assertThat(panel.path("datasource").path("uid").asText()).as(title).isEqualTo(datasource);
            assertThat(panel.path("targets")).as(title).isNotEmpty();
            JsonNode grid = panel.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as("%s fits 24 columns", title)
                    .isLessThanOrEqualTo(24);
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
    }
}
