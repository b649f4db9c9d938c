package org.quorumlab.gui.admin;

import java.util.List;
import java.util.Set;

/**
 * A node's state as polled from its admin commands ({@code monitor}, {@code leader},
 * {@code voting_view}, {@code /faults}).
 *
 * @param endpoint    {@code host:adminPort} polled
 * @param id          server id
 * @param mode        leader / follower / observer / looking / standalone
 * @param epoch       current epoch (-1 when unknown)
 * @param leaderId    leader id it knows (-1 none)
 * @param lastZxid    last processed zxid
 * @param connections live client connections
 * @param outstanding outstanding client requests
 * @param znodeCount  znodes in the tree
 * @param blocked     peers this node's outgoing links are cut to
 * @param members     the ensemble as this node knows it
 */
public record NodeSnapshot(String endpoint, long id, String mode, long epoch, long leaderId, long lastZxid,
        int connections, int outstanding, long znodeCount, Set<Long> blocked, List<Member> members) {

    /** One configured server. */
    public record Member(long id, boolean observer) {
    }
}
