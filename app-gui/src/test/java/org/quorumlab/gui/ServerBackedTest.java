package org.quorumlab.gui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.quorumlab.gui.service.ZkSession;

/** Base for ViewModel tests that share one real in-process server and one console session per class. */
public abstract class ServerBackedTest {

    protected static TestServer server;
    protected static ZkSession session;

    @BeforeAll
    static void startServer() throws Exception {
        server = new TestServer();
        session = server.session();
    }

    @AfterAll
    static void stopServer() {
        session.close();
        server.close();
    }
}
