package org.quorumlab.gui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client library's connection warnings reach the console's log file, never the terminal. */
class ConsoleLoggingTest {

    @TempDir
    Path dir;

    @Test
    void zooKeeperClientWarningsGoToTheLogFileOnlyAndTheConsolesOwnMessagesToBoth() throws Exception {
        Path file = dir.resolve("nested").resolve("console.log");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter()); // what the SLF4J binding gives the default context
        context.putProperty("quorumlab.console.log", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL config = Launcher.class.getClassLoader().getResource(Launcher.LOGGING_CONFIG);
        assertThat(config).as("the console's logging configuration on the class path").isNotNull();
        configurator.doConfigure(config);
        context.start();

        Logger client = context.getLogger("org.apache.zookeeper.ClientCnxn");
        client.warn("Session 0x0 for server 127.0.0.1:2181, Closing socket connection", new RuntimeException("refused"));
        context.getLogger("org.quorumlab.gui.app.QuorumLabConsole").info("bundled cluster serving");

        assertThat(consoleAppendersReaching(client)).as("console appenders reaching the client library").isEmpty();
        assertThat(consoleAppendersReaching(context.getLogger("org.quorumlab.gui.app.QuorumLabConsole"))).isNotEmpty();
        context.stop();
        String logged = Files.readString(file);
        assertThat(logged).contains("Closing socket connection", "java.lang.RuntimeException: refused",
                "bundled cluster serving");
    }

    private static List<String> consoleAppendersReaching(Logger logger) {
        List<String> names = new ArrayList<>();
        for (Logger l = logger; l != null; l = l.isAdditive() ? parent(l) : null) {
            for (Iterator<ch.qos.logback.core.Appender<ch.qos.logback.classic.spi.ILoggingEvent>> it = l.iteratorForAppenders();
                    it.hasNext();) {
                var appender = it.next();
                if (appender instanceof ConsoleAppender) {
                    names.add(l.getName() + ":" + appender.getName());
                }
            }
        }
        return names;
    }

    private static Logger parent(Logger logger) {
        String name = logger.getName();
        if (name.equals(Logger.ROOT_LOGGER_NAME)) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return logger.getLoggerContext().getLogger(dot < 0 ? Logger.ROOT_LOGGER_NAME : name.substring(0, dot));
    }
}
