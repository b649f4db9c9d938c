package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.gui.cluster.TestEnsemble;

/** The ViewModel against a real 3-node in-process ensemble through its teaching admin API. */
class TeachingViewModelTest {

    @TempDir
    Path dir;

    /** Every live node's log strip has a committed entry newer than {@code zxid}. */
    private static boolean committedEverywhere(LiveCluster c, long zxid) {
        return c.state().nodes().values().stream().filter(NodeState::alive).allMatch(n -> n.log().entrySet()
                .stream().anyMatch(en -> en.getKey() > zxid && en.getValue() == EntryStatus.COMMITTED));
    }

    @Test
    void speedPauseStepDropAndCutReachEveryMember() throws Exception {
        try (TestEnsemble e = new TestEnsemble(dir, 3).startAll()) {
            await().atMost(Duration.ofSeconds(60)).until(e::settled);
            try (LiveCluster c = new LiveCluster(e).open(); ZooKeeper zk = LiveCluster.connect(e.connectString())) {
                TeachingViewModel vm = c.vm;
                Stat warmup = new Stat();
                zk.create("/warmup", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, warmup);
                long before = warmup.getCzxid();

                vm.applySpeed(20);
                assertThat(vm.statusProperty().get()).isEqualTo("speed \u00d720 on 3 nodes");
                for (String ep : e.adminEndpoints()) {
                    assertThat(c.client.teaching(ep).path("slowFactor").asInt()).isEqualTo(20);
                    assertThat(c.client.teaching(ep).path("messageDelayMs").asLong()).isEqualTo(190);
                }
                c.until("speed events", () -> vm.speedFactorProperty().get() == 20
                        && c.state().nodes().values().stream().allMatch(n -> n.slowFactor() == 20));

                vm.pause();
                for (String ep : e.adminEndpoints()) {
                    assertThat(c.client.teaching(ep).path("paused").asBoolean()).isTrue();
                }
                c.until("pause events", () -> vm.pausedProperty().get()
                        && c.state().nodes().values().stream().allMatch(NodeState::paused));

                CompletableFuture<String> write = LiveCluster.create(zk, "/taught");
                c.until("the write held", () -> c.state().held().values().stream()
                        .anyMatch(m -> Set.of("REQUEST", "PROPOSAL").contains(m.kind()) && m.parked()));
                await("held while paused").pollInSameThread().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(3)).until(() -> {
                            c.monitor.flush();
                            return !committedEverywhere(c, before) && !write.isDone();
                        });

                int[] released = {0};
                c.until("the write committed on every node by stepping", () -> {
                    vm.step();
                    if (vm.statusProperty().get().startsWith("released ")) {
                        released[0]++;
                    }
                    return committedEverywhere(c, before);
                });
                assertThat(released[0]).as("messages released one by one").isGreaterThan(1);
                // the client's read timeout may expire while its reply waits; the write itself is durable
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                        .until(() -> zk.exists("/taught", false) != null || write.isDone() && !write.isCompletedExceptionally());

                CompletableFuture<String> second = LiveCluster.create(zk, "/never");
                c.until("a message held", () -> !c.state().held().isEmpty());
                HeldMessage victim = c.state().held().values().iterator().next();
                assertThat(c.heldIds(victim.from())).contains(victim.id());
                vm.drop(victim.key());
                assertThat(vm.statusProperty().get()).isEqualTo("dropped " + victim.describe());
                assertThat(c.heldIds(victim.from())).doesNotContain(victim.id());
                c.until("the drop event", () -> !c.state().held().containsKey(victim.key()));

                vm.resume();
                vm.applySpeed(1);
                c.until("real time again", () -> !vm.pausedProperty().get() && vm.speedFactorProperty().get() == 1);

                vm.toggleCut(1, 2);
                assertThat(vm.statusProperty().get()).isEqualTo("cut the link 1\u20132");
                assertThat(c.client.faults(c.endpointOf(1)).path("dropPercent").path("2").asDouble()).isEqualTo(100.0);
                assertThat(c.client.faults(c.endpointOf(2)).path("dropPercent").path("1").asDouble()).isEqualTo(100.0);
                c.until("the cut drawn", () -> c.state().isCut(1, 2));
                vm.healAll();
                assertThat(vm.statusProperty().get()).isEqualTo("healed 3 nodes");
                c.until("healed", () -> !c.state().isCut(1, 2));
                second.cancel(true);

                // a delivery the console never heard of: the next poll re-reads what the node really holds
                long now = System.currentTimeMillis();
                vm.onEvents(java.util.List.of(TeachingEvents.sent(now - 10_000, 1, 999_999, 2, "PING", null, now - 9_000)));
                assertThat(c.state().held()).containsKey(new MessageKey(1, 999_999));
                c.monitor.pollOnce();
                c.until("the stale message re-read away", () -> !c.state().held().containsKey(new MessageKey(1, 999_999)));
            }
        }
    }
}
