package org.quorumlab.gui.recipes;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;

/** Acquires {@code /recipes/lock}, holds it 0.5–2 s, releases, repeats. */
final class LockClient extends RecipeClient {

    static final String WAITING = "WAITING";
    static final String HOLDING = "HOLDING";
    private static final Duration MIN_HOLD = Duration.ofMillis(500);
    private static final Duration MAX_HOLD = Duration.ofSeconds(2);
    private static final Duration RETRY = Duration.ofMillis(200);
    private int acquisitions;

    LockClient(int index, String connectString, ClientBoard board, Pacing pacing) {
        super(index, connectString, board, pacing);
    }

    @Override
    protected void work(CuratorFramework client) throws Exception {
        InterProcessMutex mutex = new InterProcessMutex(client, Recipe.LOCK.path());
        while (running()) {
            board.show(index, WAITING, counted());
            boolean acquired;
            try {
                acquired = mutex.acquire(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                board.show(index, WAITING, counted() + "; retrying after " + brief(e));
                pause(RETRY);
                continue;
            }
            if (acquired) {
                hold(client, mutex);
            }
        }
    }

    private void hold(CuratorFramework client, InterProcessMutex mutex) {
        try {
            // A session that is not connected cannot trust the lock it was just granted.
            if (client.getZookeeperClient().isConnected()) {
                acquisitions++;
                Duration hold = pacing.between(MIN_HOLD, MAX_HOLD);
                board.claim(index, HOLDING, "holding for " + hold.toMillis() + " ms; " + counted());
                pause(hold);
            }
        } finally {
            board.unclaim(index, WAITING, counted());
            try {
                mutex.release();
            } catch (Exception e) {
                // The lock node went with a lost session; nothing is held any more.
                board.show(index, WAITING, counted() + "; release failed: " + brief(e));
            }
        }
    }

    @Override
    protected void onConnectionTrouble() {
        // Curator's advice: a suspended session must assume it no longer holds the lock.
        if (board.isClaiming(index)) {
            board.unclaim(index, WAITING, "let go of the lock: session suspended; " + counted());
        }
    }

    private String counted() {
        return acquisitions + (acquisitions == 1 ? " acquisition" : " acquisitions");
    }
}
