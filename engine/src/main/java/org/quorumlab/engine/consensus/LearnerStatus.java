package org.quorumlab.engine.consensus;

/**
 * A leader's view of one connected learner, for monitoring (mntr's zk_learners / zk_synced_followers).
 *
 * @param sid      the learner's server id
 * @param observer true for a non-voting observer
 * @param synced   true once the learner acknowledged NEWLEADER
 */
public record LearnerStatus(long sid, boolean observer, boolean synced) {
}
