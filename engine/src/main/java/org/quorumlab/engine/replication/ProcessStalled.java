package org.quorumlab.engine.replication;

/**
 * Event: this server's consensus clock did not advance for {@code stalledMillis} because the process
 * was not running (a GC pause stretched by a busy CPU, CPU starvation, SIGSTOP). Peers that saw no
 * heartbeat from it meanwhile may have started an election: this is the cause to show beside it.
 */
public record ProcessStalled(long stalledMillis) {
}
