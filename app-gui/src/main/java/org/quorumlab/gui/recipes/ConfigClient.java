package org.quorumlab.gui.recipes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * Client 1 writes {@code /recipes/config} every 0.5–1.5 s; every other client watches it with a
 * {@link CuratorCache} and re-reads it on each change, showing the version it sees and its lag.
 */
final class ConfigClient extends RecipeClient {

    static final String WRITING = "WRITING";
    static final String WATCHING = "WATCHING";
    private static final Duration MIN_GAP = Duration.ofMillis(500);
    private static final Duration MAX_GAP = Duration.ofMillis(1500);
    private static final String WRITTEN_AT = "writtenAt=";
    private final ConfigFeed feed;
    private final Semaphore changed = new Semaphore(0);
    private int seenVersion = -1;
    private long lagMs;

    ConfigClient(int index, String connectString, ClientBoard board, Pacing pacing, ConfigFeed feed) {
        super(index, connectString, board, pacing);
        this.feed = feed;
    }

    static boolean isWriter(int index) {
        return index == 1;
    }

    @Override
    protected void work(CuratorFramework client) throws Exception {
        if (isWriter(index)) {
            write(client);
        } else {
            watch(client);
        }
    }

    private void write(CuratorFramework client) {
        board.show(index, WRITING, "no version written yet");
        do {
            try {
                byte[] value = ("batchSize=" + pacing.between(1, 100) + "\n" + WRITTEN_AT + System.currentTimeMillis())
                        .getBytes(StandardCharsets.UTF_8);
                Stat stat;
                try {
                    stat = client.setData().forPath(Recipe.CONFIG.path(), value);
                } catch (KeeperException.NoNodeException e) {
                    client.create().creatingParentsIfNeeded().forPath(Recipe.CONFIG.path(), value);
                    stat = client.checkExists().forPath(Recipe.CONFIG.path());
                }
                feed.written(stat.getVersion());
                board.show(index, WRITING, "wrote v" + stat.getVersion());
            } catch (Exception e) {
                board.show(index, WRITING, "retrying after " + brief(e));
            }
        } while (pause(pacing.between(MIN_GAP, MAX_GAP)));
    }

    private void watch(CuratorFramework client) throws InterruptedException {
        board.show(index, WATCHING, "no config yet");
        try (CuratorCache cache = CuratorCache.build(client, Recipe.CONFIG.path(), CuratorCache.Options.SINGLE_NODE_CACHE)) {
            // The listener only signals: reads happen here, on this client's own thread.
            cache.listenable().addListener(CuratorCacheListener.builder().forAll((type, before, after) -> changed.release())
                    .build());
            cache.start();
            reread(client);
            while (running()) {
                if (changed.tryAcquire(250, TimeUnit.MILLISECONDS)) {
                    changed.drainPermits();
                    reread(client);
                }
                showSeen();
            }
        } finally {
            feed.forget(index);
        }
    }

    private void reread(CuratorFramework client) {
        try {
            Stat stat = new Stat();
            byte[] data = client.getData().storingStatIn(stat).forPath(Recipe.CONFIG.path());
            seenVersion = stat.getVersion();
            lagMs = Math.max(0, System.currentTimeMillis() - writtenAt(data));
            feed.seen(index, seenVersion, lagMs);
        } catch (KeeperException.NoNodeException e) {
            // Not written yet; the cache signals its creation.
        } catch (Exception e) {
            board.show(index, WATCHING, "re-read failed: " + brief(e));
        }
    }

    private void showSeen() {
        if (seenVersion < 0) {
            return;
        }
        int behind = Math.max(0, feed.latest() - seenVersion);
        board.show(index, WATCHING, "sees v" + seenVersion + "; " + behind + (behind == 1 ? " version" : " versions")
                + " behind; read " + lagMs + " ms after the write");
    }

    private static long writtenAt(byte[] data) {
        String s = new String(data, StandardCharsets.UTF_8);
        int i = s.indexOf(WRITTEN_AT);
        if (i < 0) {
            return System.currentTimeMillis();
        }
        try {
            return Long.parseLong(s.substring(i + WRITTEN_AT.length()).trim());
        } catch (NumberFormatException e) {
            return System.currentTimeMillis();
        }
    }
}
