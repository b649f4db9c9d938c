package org.quorumlab.gui.recipes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** One started demo: its clients, their scoreboard and the recipe's bookkeeping. */
final class DemoRun {

    private final Recipe recipe;
    private final ClientBoard board;
    private final QueueLedger ledger = new QueueLedger(UUID.randomUUID().toString().substring(0, 8));
    private final ConfigFeed feed = new ConfigFeed();
    private final List<RecipeClient> clients = new ArrayList<>();

    DemoRun(Recipe recipe, int count, String connectString, Pacing pacing) {
        this.recipe = recipe;
        this.board = new ClientBoard(count);
        for (int i = 1; i <= count; i++) {
            clients.add(client(i, connectString, pacing));
        }
    }

    private RecipeClient client(int i, String connectString, Pacing pacing) {
        if (recipe == Recipe.LOCK) {
            return new LockClient(i, connectString, board, pacing);
        } else if (recipe == Recipe.LEADER_LATCH) {
            return new LatchClient(i, connectString, board, pacing);
        } else if (recipe == Recipe.QUEUE) {
            return new QueueClient(i, connectString, board, pacing, ledger);
        }
        return new ConfigClient(i, connectString, board, pacing, feed);
    }

    void start() {
        clients.forEach(RecipeClient::start);
    }

    /** Stops every client and waits until each session is closed. */
    void stop() {
        clients.forEach(RecipeClient::requestStop);
        clients.forEach(RecipeClient::awaitStopped);
    }

    /** Stops one client (1-based) and waits until its session is closed. */
    void stopClient(int index) {
        RecipeClient c = client(index);
        c.requestStop();
        c.awaitStopped();
    }

    String connectedServer(int index) {
        return board.serverOf(index);
    }

    private RecipeClient client(int index) {
        if (index < 1 || index > clients.size()) {
            throw new IllegalArgumentException("no client " + index + "; clients are 1.." + clients.size());
        }
        return clients.get(index - 1);
    }

    Recipe recipe() {
        return recipe;
    }

    ClientBoard board() {
        return board;
    }

    QueueLedger ledger() {
        return ledger;
    }

    ConfigFeed feed() {
        return feed;
    }

    DemoSummary summary() {
        String trouble = trouble();
        if (recipe == Recipe.LOCK) {
            return claimSummary("holds the lock", "nobody holds the lock", LockClient.WAITING, "waiting",
                    board.grants() + " acquisitions", "holder", trouble);
        } else if (recipe == Recipe.LEADER_LATCH) {
            return claimSummary("is the leader", "no leader right now", LatchClient.FOLLOWER, "followers",
                    board.grants() + " leadership grants", "leader", trouble);
        } else if (recipe == Recipe.QUEUE) {
            return queueSummary(trouble);
        }
        return configSummary(trouble);
    }

    private DemoSummary claimSummary(String holds, String nobody, String waitingState, String waitingWord,
            String grants, String role, String trouble) {
        List<Integer> claimants = board.claimants();
        String who = claimants.isEmpty() ? nobody : claimants.stream().map(i -> "client " + i)
                .collect(Collectors.joining(" and ")) + " " + holds;
        int max = board.maxClaims();
        String headline = who + "; " + board.count(waitingState) + " " + waitingWord + "; " + grants + trouble;
        String safety = "max " + max + " " + role + (max == 1 ? "" : "s") + " at a time observed (must never exceed 1); "
                + claimants.size() + " right now";
        return new DemoSummary(headline, safety, max <= 1);
    }

    private DemoSummary queueSummary(String trouble) {
        int producers = (int) board.snapshot().stream().filter(c -> QueueClient.isProducer(c.index())).count();
        String headline = producers + " producers, " + (board.size() - producers) + " consumers; produced "
                + ledger.producedCount() + ", consumed " + ledger.consumedCount() + ", in the queue "
                + ledger.waiting() + (ledger.leftovers() > 0 ? ", " + ledger.leftovers() + " leftovers of an earlier run" : "")
                + trouble;
        int dup = ledger.duplicates();
        return new DemoSummary(headline, dup + " items consumed twice (must stay 0)", dup == 0);
    }

    private DemoSummary configSummary(String trouble) {
        int latest = feed.latest();
        var seen = feed.seen();
        long current = seen.values().stream().filter(v -> v == latest).count();
        String headline = (latest < 0 ? "no config written yet" : "latest config v" + latest) + "; " + current + " of "
                + seen.size() + " watchers see it; slowest read " + feed.maxLagMs() + " ms after its write" + trouble;
        int oldest = seen.values().stream().mapToInt(Integer::intValue).min().orElse(latest);
        return new DemoSummary(headline, "furthest behind: " + Math.max(0, latest - oldest)
                + " versions (watchers converge once writes pause)", true);
    }

    private String trouble() {
        long suspended = board.count(ClientBoard.SUSPENDED);
        long lost = board.count(ClientBoard.LOST);
        long connecting = board.count(ClientBoard.CONNECTING);
        return (connecting > 0 ? "; " + connecting + " connecting" : "")
                + (suspended > 0 ? "; " + suspended + " suspended" : "")
                + (lost > 0 ? "; " + lost + " lost" : "");
    }
}
