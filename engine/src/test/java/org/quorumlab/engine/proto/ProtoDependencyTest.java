package org.quorumlab.engine.proto;

import static com.tngtech.archunit.core.importer.ImportOption.Predefined.DO_NOT_INCLUDE_TESTS;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class ProtoDependencyTest {

    @Test
    void importsOnlyJavaPackagesAndNotJavaNet() {
        JavaClasses classes = new ClassFileImporter().withImportOption(DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quorumlab.engine.proto");

        noClasses().should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "org.quorumlab.engine.proto")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.net..")
                .check(classes);
    }
}
