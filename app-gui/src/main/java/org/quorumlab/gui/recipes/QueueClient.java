package org.quorumlab.gui.recipes;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.queue.SimpleDistributedQueue;

/** A producer (odd index) or consumer (even index) of {@code /recipes/queue}. */
final class QueueClient extends RecipeClient {

    static final String PRODUCING = "PRODUCING";
    static final String CONSUMING = "CONSUMING";
    private static final Duration MIN_GAP = Duration.ofMillis(100);
    private static final Duration MAX_GAP = Duration.ofMillis(400);
    private static final Duration RETRY = Duration.ofMillis(200);
    private final QueueLedger ledger;
    private long count;

    QueueClient(int index, String connectString, ClientBoard board, Pacing pacing, QueueLedger ledger) {
        super(index, connectString, board, pacing);
        this.ledger = ledger;
    }

    static boolean isProducer(int index) {
        return index % 2 == 1;
    }

    @Override
    protected void work(CuratorFramework client) throws Exception {
        SimpleDistributedQueue queue = new SimpleDistributedQueue(client, Recipe.QUEUE.path());
        board.show(index, isProducer(index) ? PRODUCING : CONSUMING, "0 items");
        while (running()) {
            try {
                if (isProducer(index)) {
                    produce(queue);
                } else {
                    consume(queue);
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                board.show(index, isProducer(index) ? PRODUCING : CONSUMING, count + " items; retrying after " + brief(e));
                pause(RETRY);
            }
        }
    }

    private void produce(SimpleDistributedQueue queue) throws Exception {
        byte[] item = ledger.item(index, count + 1);
        if (queue.offer(item)) {
            count++;
            ledger.produced(item);
            board.show(index, PRODUCING, "produced " + count + " (last " + QueueLedger.label(item) + ")");
        }
        pause(pacing.between(MIN_GAP, MAX_GAP));
    }

    private void consume(SimpleDistributedQueue queue) throws Exception {
        byte[] item = queue.poll(500, TimeUnit.MILLISECONDS);
        if (item != null) {
            count++;
            ledger.consumed(item);
            board.show(index, CONSUMING, "consumed " + count + " (last " + QueueLedger.label(item) + ")");
        }
    }
}
