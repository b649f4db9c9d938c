package org.quorumlab.engine.consensus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * ZooKeeper's FastLeaderElection as a pure state machine. Votes are ordered by (peerEpoch, zxid,
 * id); a server concludes once a quorum of its round agrees with its proposal and no better vote
 * arrives within {@code finalizeWaitTicks}, or once a quorum of FOLLOWING/LEADING notifications
 * points to an established leader that itself says LEADING. Notifications are re-sent with
 * exponential backoff while LOOKING. Non-voters (observers, joining servers) never propose themselves.
 */
final class LeaderElection {
    private static final long NO_ID = Long.MIN_VALUE;
    private final NodeContext ctx;
    private final Map<Long, Vote> recvSet = new HashMap<>();
    private final Map<Long, Vote> outOfElection = new HashMap<>();
    private long logicalClock;
    private long proposedLeader = NO_ID;
    private long proposedZxid = NO_ID;
    private long proposedEpoch = NO_ID;
    private Vote currentVote;
    private boolean finalizing;
    private long finalizeDeadline;
    private long resendInterval;
    private long nextResend;

    LeaderElection(NodeContext ctx) {
        this.ctx = ctx;
        this.currentVote = new Vote(initId(), initZxid(), 0, initEpoch(), ServerState.LOOKING);
    }

    long logicalClock() {
        return logicalClock;
    }

    Vote currentVote() {
        return currentVote;
    }

    private long initId() {
        return ctx.isVoter() ? ctx.myId : NO_ID;
    }

    private long initZxid() {
        return ctx.isVoter() ? ctx.log.lastZxid() : NO_ID;
    }

    private long initEpoch() {
        return ctx.isVoter() ? ctx.currentEpoch() : NO_ID;
    }

    /** Starts a new round ({@code lookForLeader}). */
    void start() {
        logicalClock++;
        recvSet.clear();
        outOfElection.clear();
        finalizing = false;
        updateProposal(initId(), initZxid(), initEpoch());
        resendInterval = ctx.timing.electionTimeoutTicks();
        sendNotifications();
        recordOwnVoteAndCheck();
    }

    private void updateProposal(long leader, long zxid, long epoch) {
        proposedLeader = leader;
        proposedZxid = zxid;
        proposedEpoch = epoch;
        currentVote = new Vote(leader, zxid, logicalClock, epoch, ServerState.LOOKING);
    }

    private void sendNotifications() {
        Vote v = new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING);
        int n = 0;
        for (long sid : ctx.config().voters()) {
            if (sid != ctx.myId) {
                ctx.send(sid, new Message.Notification(ctx.myId, v, ctx.config()));
                n++;
            }
        }
        ctx.emit(new Event.VoteSent(v, n));
        nextResend = ctx.now() + resendInterval;
    }

    private void reply(long to, Vote v) {
        ctx.send(to, new Message.Notification(ctx.myId, v, ctx.config()));
    }

    /** Our own notification reaches us through loopback in ZooKeeper; here it is recorded directly. */
    private void recordOwnVoteAndCheck() {
        if (!ctx.isVoter()) {
            return;
        }
        recvSet.put(ctx.myId, new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING));
        checkTermination();
    }

    void tick() {
        if (ctx.state != ServerState.LOOKING) {
            return;
        }
        if (finalizing && ctx.now() >= finalizeDeadline) {
            conclude(proposedLeader);
            return;
        }
        if (ctx.now() >= nextResend) {
            resendInterval = Math.min(resendInterval * 2, ctx.timing.maxElectionBackoffTicks());
            sendNotifications();
        }
    }

    void onNotification(Message.Notification n) {
        Vote nv = n.vote();
        ctx.emit(new Event.VoteReceived(n.from(), nv));
        QuorumConfig cfg = ctx.config();
        if (ctx.state == ServerState.LOOKING && n.config() != null && n.config().version() > cfg.version()) {
            // ZooKeeper: a LOOKING server adopts a newer committed config and restarts the election.
            ctx.adoptConfig(n.config());
            start();
            return;
        }
        if (!cfg.isVoter(n.from())) {
            // From a non-voting server: a voter answers a LOOKING one right away with its current
            // vote and never counts it. Answering anything else could echo forever between two
            // servers that consider each other non-voters (different configurations).
            if (ctx.isVoter() && nv.state() == ServerState.LOOKING) {
                reply(n.from(), stateful(currentVote));
            }
            return;
        }
        if (ctx.state != ServerState.LOOKING) {
            // Voters never count a non-voter's answer, and would answer it again: non-voters stay quiet.
            if (nv.state() == ServerState.LOOKING && ctx.isVoter()) {
                reply(n.from(), stateful(currentVote));
            }
            return;
        }
        // A voter behind our round gets our vote back. Non-voters skip this: voters would answer
        // their notification with another one, and the two would ping-pong forever.
        if (ctx.isVoter() && nv.state() == ServerState.LOOKING && nv.electionEpoch() < logicalClock) {
            reply(n.from(), new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING));
        }
        if (!cfg.isVoter(nv.leaderId())) {
            return;
        }
        if (finalizing) {
            if (!Vote.beats(nv.leaderId(), nv.zxid(), nv.peerEpoch(), proposedLeader, proposedZxid, proposedEpoch)) {
                return; // ZooKeeper's finalize wait consumes notifications that do not change the outcome
            }
            finalizing = false;
        }
        switch (nv.state()) {
            case LOOKING -> onLooking(n.from(), nv);
            case FOLLOWING, LEADING -> onEstablished(n.from(), nv);
            case OBSERVING -> { }
            default -> throw new IllegalStateException();
        }
    }

    private Vote stateful(Vote v) {
        return new Vote(v.leaderId(), v.zxid(), v.electionEpoch(), v.peerEpoch(), ctx.state);
    }

    private void onLooking(long from, Vote nv) {
        if (nv.electionEpoch() > logicalClock) {
            logicalClock = nv.electionEpoch();
            recvSet.clear();
            if (Vote.beats(nv.leaderId(), nv.zxid(), nv.peerEpoch(), initId(), initZxid(), initEpoch())) {
                updateProposal(nv.leaderId(), nv.zxid(), nv.peerEpoch());
            } else {
                updateProposal(initId(), initZxid(), initEpoch());
            }
            sendNotifications();
            if (ctx.isVoter()) {
                recvSet.put(ctx.myId, new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING));
            }
        } else if (nv.electionEpoch() < logicalClock) {
            return;
        } else if (Vote.beats(nv.leaderId(), nv.zxid(), nv.peerEpoch(), proposedLeader, proposedZxid, proposedEpoch)) {
            updateProposal(nv.leaderId(), nv.zxid(), nv.peerEpoch());
            sendNotifications();
            if (ctx.isVoter()) {
                recvSet.put(ctx.myId, new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING));
            }
        }
        recvSet.put(from, nv);
        checkTermination();
    }

    private void checkTermination() {
        Vote mine = new Vote(proposedLeader, proposedZxid, logicalClock, proposedEpoch, ServerState.LOOKING);
        if (proposedLeader == NO_ID || !ctx.config().isQuorum(agreeing(recvSet, mine))) {
            return;
        }
        if (ctx.timing.finalizeWaitTicks() == 0) {
            conclude(proposedLeader);
        } else if (!finalizing) {
            finalizing = true;
            finalizeDeadline = ctx.now() + ctx.timing.finalizeWaitTicks();
        }
    }

    private void onEstablished(long from, Vote nv) {
        if (nv.electionEpoch() == logicalClock) {
            recvSet.put(from, nv);
            if (ctx.config().isQuorum(agreeing(recvSet, nv)) && checkLeader(recvSet, nv.leaderId(), nv.electionEpoch())) {
                joinEstablished(nv);
                return;
            }
        }
        outOfElection.put(from, nv);
        if (ctx.config().isQuorum(agreeing(outOfElection, nv)) && checkLeader(outOfElection, nv.leaderId(), nv.electionEpoch())) {
            logicalClock = nv.electionEpoch();
            joinEstablished(nv);
        }
    }

    private void joinEstablished(Vote nv) {
        proposedLeader = nv.leaderId();
        proposedZxid = nv.zxid();
        proposedEpoch = nv.peerEpoch();
        conclude(nv.leaderId());
    }

    /** ZooKeeper's checkLeader: a remote leader must itself say LEADING; ourselves must be in this round. */
    private boolean checkLeader(Map<Long, Vote> votes, long leader, long electionEpoch) {
        if (leader != ctx.myId) {
            Vote lv = votes.get(leader);
            return lv != null && lv.state() == ServerState.LEADING;
        }
        return logicalClock == electionEpoch;
    }

    private static Set<Long> agreeing(Map<Long, Vote> votes, Vote target) {
        Set<Long> out = new HashSet<>();
        for (Map.Entry<Long, Vote> e : votes.entrySet()) {
            if (e.getValue().agreesWith(target)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private void conclude(long leader) {
        finalizing = false;
        ServerState next = leader == ctx.myId ? ServerState.LEADING
                : ctx.isObserver() ? ServerState.OBSERVING : ServerState.FOLLOWING;
        currentVote = new Vote(leader, proposedZxid, logicalClock, proposedEpoch, next);
        recvSet.clear();
        outOfElection.clear();
        ctx.transitions().electionConcluded(leader);
    }
}
