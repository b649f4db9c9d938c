package org.quorumlab.gui.cluster;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.admin.MemberBroadcast;

/**
 * {@link FaultControl} through every node's {@code /faults} endpoint (each node only cuts its own
 * outgoing links, so the same call goes to all). Unreachable nodes are skipped; a refusal by a
 * reachable node (bad groups, standalone server) is reported.
 */
public final class AdminFaults implements FaultControl {

    private final AdminClient client;
    private final Supplier<List<String>> endpoints;

    public AdminFaults(AdminClient client, Supplier<List<String>> endpoints) {
        this.client = client;
        this.endpoints = endpoints;
    }

    @Override
    public int partition(String groups) throws IOException {
        return applyAll("partition", AdminClient.groups(groups));
    }

    @Override
    public int heal() throws IOException {
        return applyAll("heal", Map.of());
    }

    private int applyAll(String action, Map<String, String> params) throws IOException {
        return MemberBroadcast.toAll(endpoints.get(), ep -> client.fault(ep, action, params)).answeredUnlessAllRefused();
    }
}
