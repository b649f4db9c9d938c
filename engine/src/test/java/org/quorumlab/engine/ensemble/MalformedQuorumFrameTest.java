package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.replication.MessageCodec;

/**
 * A quorum frame with a packet number the protocol does not have is a decode error at the server
 * that receives it: that server closes the one connection it came on (the log line is checked by
 * {@code RejectedFrameTest}); its own connections to the ensemble are untouched, so no election
 * follows and writes keep committing.
 */
class MalformedQuorumFrameTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long STRANGER = 77;
    private static final int UNKNOWN_PACKET = 99;

    @TempDir
    Path dir;

    @Test
    void anUnknownPacketNumberClosesThatConnectionAndNothingElse() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(WAIT).until(() -> e.leaderId() > 0);
            long leader = e.leaderId();
            long follower = leader == 1 ? 2 : 1;
            ZooKeeper zk = new ZooKeeper(e.connectString(follower), 10_000, ev -> { });
            try {
                await().atMost(WAIT).ignoreExceptions().until(() -> {
                    zk.create("/before", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    return true;
                });
                // both served the write, so both are past their election: any role change now is news
                List<Object> roleChanges = new CopyOnWriteArrayList<>();
                for (long id : List.of(leader, follower)) {
                    e.server(id).zab().addEventSink(ev -> {
                        if (ev instanceof Event.StateChanged) {
                            roleChanges.add(ev);
                        }
                    });
                }
                long epoch = e.server(follower).zab().epoch();

                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", e.specs.get(follower).quorumPort()), 5_000);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    // length-prefixed frames: the sender's id, then a peer frame whose packet is number 99
                    out.writeInt(Long.BYTES);
                    out.writeLong(STRANGER);
                    byte[] header = MessageCodec.encodePeerHeader(STRANGER, 1, 0);
                    out.writeInt(header.length + Integer.BYTES + Long.BYTES);
                    out.write(header);
                    out.writeInt(UNKNOWN_PACKET);
                    out.writeLong(0);
                    out.flush();
                    assertThat(closedByServer(s)).as("the connection of the bad frame is closed").isTrue();
                }

                zk.create("/after", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertThat(zk.exists("/after", false)).isNotNull();
                assertThat(roleChanges).as("role changes of the leader and the follower").isEmpty();
                assertThat(e.server(follower).zab().epoch()).as("epoch").isEqualTo(epoch);
                assertThat(e.leaderId()).as("leader").isEqualTo(leader);
            } finally {
                zk.close();
            }
        }
    }

    private static boolean closedByServer(Socket s) throws IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        try {
            return s.getInputStream().read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
