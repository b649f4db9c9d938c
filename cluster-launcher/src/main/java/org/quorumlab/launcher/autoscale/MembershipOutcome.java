package org.quorumlab.launcher.autoscale;

/**
 * A membership change an actuator completed.
 *
 * @param serverId the server that joined or left
 * @param added    true when it joined, false when it left
 * @param millis   how long the whole operation took
 * @param detail   free text for the event log (e.g. the committed config version)
 */
public record MembershipOutcome(long serverId, boolean added, long millis, String detail) {
}
