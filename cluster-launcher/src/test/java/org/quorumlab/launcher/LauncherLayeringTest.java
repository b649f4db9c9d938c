package org.quorumlab.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher's layers: the CLI on top, then the features (benchmarks, auto-scaling, load), then the
 * clients every feature shares (admin API, probes) and the cluster state files. Arrows point down only.
 */
class LauncherLayeringTest {

    private static JavaClasses launcher;

    @BeforeAll
    static void importClasses() {
        launcher = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quorumlab.launcher");
    }

    @Test
    void nothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("org.quorumlab.launcher.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.quorumlab.launcher.cli..")
                .check(launcher);
    }

    @Test
    void featuresDoNotDependOnEachOtherUpwards() {
        noClasses().that().resideInAPackage("org.quorumlab.launcher.load..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.launcher.bench..",
                        "org.quorumlab.launcher.autoscale..")
                .check(launcher);
        noClasses().that().resideInAPackage("org.quorumlab.launcher.autoscale..")
                .should().dependOnClassesThat().resideInAPackage("org.quorumlab.launcher.bench..")
                .check(launcher);
    }

    @Test
    void sharedClientsAndStateKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.quorumlab.launcher.admin..", "org.quorumlab.launcher.probe..",
                        "org.quorumlab.launcher.state..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.launcher.load..",
                        "org.quorumlab.launcher.bench..", "org.quorumlab.launcher.autoscale..",
                        "org.quorumlab.launcher.reconfig..", "org.quorumlab.launcher.node..")
                .check(launcher);
    }
}
