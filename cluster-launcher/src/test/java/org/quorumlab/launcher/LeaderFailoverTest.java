package org.quorumlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three QuorumLab processes; kill -9 the leader while client threads write through the official
 * client; a new leader is elected, clients continue and no acknowledged write is lost.
 * {@code -Dfailover.runs=N} repeats the kill cycle to collect failover figures.
 */
class LeaderFailoverTest extends RealClusterTest {


    @Test
    void killingTheLeaderDuringWritesLosesNoAcknowledgedWrite() throws Exception {
        startCluster(Engine.QUORUMLAB);
        int runs = Integer.getInteger("failover.runs", 1);
        List<Long> failoverMillis = new ArrayList<>();
        try (WriteLoad load = new WriteLoad(launcher.connectString(), "/failover", 4)) {
            load.start();
            for (int run = 1; run <= runs; run++) {
                long before = load.ackCount();
                await().atMost(TIMEOUT).until(() -> load.ackCount() >= before + 40);
                long leader = await().atMost(TIMEOUT).until(() -> launcher.leader().orElse(-1L), l -> l > 0);

                long killedAt = System.nanoTime();
                assertThat(launcher.kill(leader)).isTrue();

                await().atMost(TIMEOUT).until(() -> launcher.leader().map(l -> l != leader).orElse(false));
                await().atMost(TIMEOUT).until(() -> load.acksStartedAfter(killedAt) >= 40);
                long ms = load.firstAckMillisAfter(killedAt).orElseThrow();
                failoverMillis.add(ms);
                System.out.printf("FAILOVER run %d: kill -9 of leader %d -> first acknowledged write after %d ms "
                        + "(new leader %d)%n", run, leader, ms, launcher.leader().orElse(-1L));

                assertThat(launcher.start(leader)).isTrue();
                launcher.awaitServing(leader, TIMEOUT);
            }
            load.stop();
            System.out.printf("FAILOVER summary: %s ms; %d acknowledged writes, %d with unknown outcome%n",
                    failoverMillis, load.ackCount(), load.ambiguousWrites());
            load.verify(launcher.connectString());
            for (long id : launcher.members()) {
                load.verify("127.0.0.1:" + launcher.ports(id).client());
            }
        }
    }
}
