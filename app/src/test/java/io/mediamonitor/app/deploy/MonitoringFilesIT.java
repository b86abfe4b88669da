package io.mediamonitor.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus rules, their unit tests and the Grafana dashboard shipped in deploy/, checked with Prometheus's
 * own promtool (CI installs Debian's prometheus package for it). That the metrics they name are exported is
 * checked on a running demo ({@code DemoRunIT}).
 */
class MonitoringFilesIT {

    @TempDir
    Path dir;

    @Test
    void theAlertingRulesParseAndPassTheirUnitTests() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus)");

        Result check = promtool("check", "rules", MonitoringFiles.RULES.toString());
        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("SUCCESS: 7 rules found");
        Result tests = promtool("test", "rules", MonitoringFiles.RULE_TESTS.toString());
        assertThat(tests.exit).as(tests.output).isZero();
        Result config = promtool("check", "config", "--syntax-only", MonitoringFiles.PROMETHEUS.toString());
        assertThat(config.exit).as(config.output).isZero();
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian package prometheus)");
        // promtool parses queries where rules hold them: one recording rule per panel query
        List<String> expressions = MonitoringFiles.dashboardExpressions();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (int i = 0; i < expressions.size(); i++) {
            rules.append("      - record: dashboard_query_").append(i).append("\n        expr: '")
                    .append(expressions.get(i).replace("'", "''")).append("'\n");
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);

        Result check = promtool("check", "rules", file.toString());

        assertThat(check.exit).as(check.output).isZero();
        assertThat(check.output).contains("SUCCESS: " + expressions.size() + " rules found");
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

    private record Result(int exit, String output) {
    }

    private static Result promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean onPath(String program) {
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(path, program))) {
                return true;
            }
        }
        return false;
    }
}
