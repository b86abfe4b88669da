package io.mediamonitor.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule the README's project layout states, checked on the compiled classes of every
 * module: schemas ← kafka-support ← {ingest, enrich, alerts} ← tools ← app, the three jobs knowing nothing
 * of each other.
 */
class ModuleRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the modules' test-jars (test cluster, topic reader) are on the classpath too, and are tests
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("io.mediamonitor");

    @Test
    void modules_depend_only_downwards_and_the_jobs_not_on_each_other() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("schemas").definedBy("io.mediamonitor.schema..", "io.mediamonitor.model..")
                .layer("kafka-support").definedBy("io.mediamonitor.kafka..")
                .layer("ingest").definedBy("io.mediamonitor.ingest..")
                .layer("enrich").definedBy("io.mediamonitor.enrich..")
                .layer("alerts").definedBy("io.mediamonitor.alerts..")
                .layer("tools").definedBy("io.mediamonitor.tools..")
                .layer("app").definedBy("io.mediamonitor.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("tools").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ingest").mayOnlyBeAccessedByLayers("tools", "app")
                .whereLayer("enrich").mayOnlyBeAccessedByLayers("tools", "app")
                .whereLayer("alerts").mayOnlyBeAccessedByLayers("tools", "app")
                .whereLayer("kafka-support").mayOnlyBeAccessedByLayers("ingest", "enrich", "alerts", "tools", "app")
                .check(CLASSES);
    }

    @Test
    void the_runtime_modules_carry_no_measuring_harness_and_no_test_utility() {
        noClasses().that().resideInAnyPackage("io.mediamonitor.ingest..", "io.mediamonitor.enrich..",
                        "io.mediamonitor.alerts..")
                .should().resideInAnyPackage("..bench..", "..evaluation..", "..backtest..")
                .orShould().dependOnClassesThat()
                .haveFullyQualifiedName("org.apache.kafka.streams.TopologyTestDriver")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams.test..", "org.junit..",
                        "org.assertj..")
                .check(CLASSES);
    }

    @Test
    void no_cycles_between_modules() {
        slices().matching("io.mediamonitor.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void no_cycles_between_packages() {
        slices().matching("io.mediamonitor.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
