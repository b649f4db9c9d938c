package org.quorumlab.engine.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurabilityReportsTest {

    private final ArrayDeque<Runnable> pipelineTasks = new ArrayDeque<>();
    private final List<Long> delivered = new ArrayList<>();
    private final DurabilityReports reports = new DurabilityReports(pipelineTasks::add, delivered::add);

    private void runPipeline() {
        while (!pipelineTasks.isEmpty()) {
            pipelineTasks.poll().run();
        }
    }

    @Test
    void completionsOfOneFsyncBecomeOneReportOfTheLatestZxid() {
        long history = reports.history();
        reports.durable(history, 1);
        reports.durable(history, 2);
        reports.durable(history, 3);

        assertThat(pipelineTasks).hasSize(1);
        runPipeline();
        assertThat(delivered).containsExactly(3L);
    }

    @Test
    void aCompletionAfterDeliveryQueuesTheNextReport() {
        long history = reports.history();
        reports.durable(history, 1);
        runPipeline();
        reports.durable(history, 2);
        runPipeline();

        assertThat(delivered).containsExactly(1L, 2L);
    }

    @Test
    void reportsOfAReplacedHistoryAreDropped() {
        long before = reports.history();
        reports.durable(before, 7);
        reports.newHistory(); // a TRUNC sync ran on the pipeline thread before the report arrived
        runPipeline();
        assertThat(delivered).isEmpty();

        reports.durable(reports.history(), 5);
        runPipeline();
        assertThat(delivered).containsExactly(5L);
    }
}
