package org.quorumlab.gui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layering rules of the console. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quorumlab.gui");
    }

    @Test
    void guiNeverDependsOnEngineInternals() {
        noClasses().that().resideInAPackage("org.quorumlab.gui..")
                .should().dependOnClassesThat().resideInAPackage("org.quorumlab.engine..")
                .check(classes);
    }

    @Test
    void viewModelsHaveNoSceneGraphReferences() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .check(classes);
    }

    @Test
    void servicesAreFreeOfJavaFx() {
        noClasses().that().resideInAPackage("org.quorumlab.gui.service..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
