package org.quorumlab.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * No engine test skips itself: a test whose prerequisite is missing (a jar, a port, a binary) fails and says
 * what is missing, so a green build never hides a comparison that did not run.
 */
class NoSilentSkipsTest {

    @Test
    void noEngineTestUsesAssumptionsOrAbortsItself() {
        // the rule names classes; resolving every dependency from the class path would only cost time
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        JavaClasses tests;
        try {
            config.setResolveMissingDependenciesFromClassPath(false);
            tests = new ClassFileImporter().importPath(testClasses());
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assumptions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.opentest4j.TestAbortedException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Disabled")
                .because("a missing prerequisite must fail the test, not skip it")
                .check(tests);
    }

    /** The compiled engine tests (their directory, or jar), where this class was loaded from. */
    private static Path testClasses() {
        try {
            return Path.of(NoSilentSkipsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
