package org.quorumlab.gui.recipes;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;

/** Joins the leader latch on {@code /recipes/latch} and reports leadership as it comes and goes. */
final class LatchClient extends RecipeClient {

    static final String LEADER = "LEADER";
    static final String FOLLOWER = "FOLLOWER";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    LatchClient(int index, String connectString, ClientBoard board, Pacing pacing) {
        super(index, connectString, board, pacing);
    }

    @Override
    protected void work(CuratorFramework client) throws Exception {
        LeaderLatch latch = new LeaderLatch(client, Recipe.LEADER_LATCH.path(), "client-" + index,
                LeaderLatch.CloseMode.NOTIFY_LEADER);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                board.claim(index, LEADER, "leader since " + now());
            }

            @Override
            public void notLeader() {
                board.unclaim(index, FOLLOWER, "follower since " + now());
            }
        });
        board.show(index, FOLLOWER, "follower since " + now());
        latch.start();
        try {
            while (pause(Duration.ofMillis(250))) {
                // Leadership changes arrive through the listener.
            }
        } finally {
            latch.close();
        }
    }

    private static String now() {
        return LocalTime.now().format(TIME);
    }
}
