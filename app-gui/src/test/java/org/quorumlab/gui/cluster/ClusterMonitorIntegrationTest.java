package org.quorumlab.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.cluster.load.LoadGeneratorViewModel;

/** A real 3-node in-process ensemble watched through its admin API: stopping the leader shows a new one. */
class ClusterMonitorIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void stoppingTheLeaderShowsANewLeaderAndATimelineEntry() throws Exception {
        try (TestEnsemble e = new TestEnsemble(dir, 3).startAll(); SerialExecutor ex = new SerialExecutor();
                AdminClient client = new AdminClient(e.adminCredentials())) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            long oldLeader = e.leaderId();
            ClusterTabViewModel vm = new ClusterTabViewModel(new EventLogViewModel(ex),
                    new ClusterActionsViewModel(null, new AdminFaults(client, e::adminEndpoints), ex),
                    new LoadGeneratorViewModel(ex, e.connectString()));
            try (ClusterMonitor monitor = new ClusterMonitor(client, e::adminEndpoints, ex, vm)) {
                monitor.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> ex.read(() -> vm.cluster().leaderId() == oldLeader
                        && vm.cluster().nodes().size() == 3) && monitor.connectedStreams() == 3);
                await().atMost(Duration.ofSeconds(20)).until(() -> ex.read(() -> vm.log().all().stream()
                        .filter(ev -> ev.type().equals("Hello")).count() >= 3));

                e.stop(oldLeader);

                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    long l = ex.read(() -> vm.cluster().leaderId());
                    return l > 0 && l != oldLeader && l == e.leaderId();
                });
                long newLeader = e.leaderId();
                await().atMost(Duration.ofSeconds(30)).until(() -> ex.read(() -> vm.timeline().entries().stream()
                        .anyMatch(en -> en.winner() == newLeader)));
                ElectionEntry entry = ex.read(() -> vm.timeline().entries().stream()
                        .filter(en -> en.winner() == newLeader).findFirst().orElseThrow());
                assertThat(entry.previousLeader()).isEqualTo(oldLeader);
                assertThat(entry.votes()).isPositive();
                assertThat(entry.durationMs()).isPositive();
                assertThat(entry.epoch()).isPositive();
                await().atMost(Duration.ofSeconds(20)).until(() -> ex.read(() ->
                        !vm.cluster().node(oldLeader).isAlive()
                        && vm.cluster().node(newLeader).role() == Role.LEADER));
                await().atMost(Duration.ofSeconds(20)).until(() -> ex.read(() ->
                        vm.charts().lines(Metric.OPS).get(0).points().size() > 0));
            }
        }
    }
}
