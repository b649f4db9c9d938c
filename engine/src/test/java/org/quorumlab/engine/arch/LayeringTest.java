package org.quorumlab.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pure core (tree, txn, request handling, consensus, storage ports) stays free of network and UI code. */
class LayeringTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importClasses() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.quorumlab.engine");
    }

    @Test
    void coreImportsNoNettyJavafxOrJavaNet() {
        noClasses().that().resideInAnyPackage("org.quorumlab.engine.tree..", "org.quorumlab.engine.txn..",
                        "org.quorumlab.engine.server..", "org.quorumlab.engine.auth..", "org.quorumlab.engine.proto..",
                        "org.quorumlab.engine.consensus..", "org.quorumlab.engine.config..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "javafx..", "java.net..")
                .check(engine);
    }

    @Test
    void treeDoesNoIo() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.tree..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "java.sql..",
                        "org.quorumlab.engine.storage..", "org.quorumlab.engine.server..", "org.quorumlab.engine.net..")
                .check(engine);
    }

    @Test
    void consensusCoreHasNoThreadsClocksOrRandomness() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.consensus..")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..", "java.time..",
                        "org.slf4j..", "java.sql..", "org.quorumlab.engine.storage..", "org.quorumlab.engine.net..")
                .allowEmptyShould(true)
                .check(engine);
    }

    /** Messages and ticks in, actions out: the consensus core knows no other part of the engine. */
    @Test
    void consensusImportsNoOtherQuorumLabPackage() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.consensus..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.quorumlab..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("org.quorumlab.engine.consensus..")))
                .check(engine);
    }

    /**
     * Replication and the admin API reach storage through its ports and never the SQLite adapter,
     * and neither knows the composition root ({@code node}) that wires the adapters in. Replication
     * also reaches the network only through its own {@code QuorumTransport} port.
     */
    @Test
    void replicationAndAdminDependOnPortsNotAdapters() {
        noClasses().that().resideInAnyPackage("org.quorumlab.engine.replication..", "org.quorumlab.engine.admin..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.engine.storage.sqlite..",
                        "org.quorumlab.engine.node..", "org.quorumlab.engine.net.quorum..")
                .check(engine);
        noClasses().that().resideInAPackage("org.quorumlab.engine.replication..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.engine.net..", "io.netty..")
                .check(engine);
    }

    /** Replication drives the request pipeline through its narrow port only (one-way, issue 17). */
    @Test
    void replicationSeesThePipelineOnlyThroughItsPort() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.replication..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.quorumlab.engine.server.RequestPipeline")
                .check(engine);
    }

    @Test
    void storagePortsDoNotKnowTheServer() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.engine.server..",
                        "org.quorumlab.engine.net..", "org.quorumlab.engine.tree..")
                .check(engine);
    }

    /** The snapshot codec turns trees into bytes and back; where the bytes live is storage's business. */
    @Test
    void snapshotCodecKnowsNeitherStorageNorTheServer() {
        noClasses().that().resideInAPackage("org.quorumlab.engine.snapshot..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quorumlab.engine.storage..",
                        "org.quorumlab.engine.server..", "org.quorumlab.engine.net..", "org.quorumlab.engine.node..",
                        "org.quorumlab.engine.replication..", "java.sql..")
                .check(engine);
    }
}
