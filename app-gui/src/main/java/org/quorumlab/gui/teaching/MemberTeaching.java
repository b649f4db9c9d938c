package org.quorumlab.gui.teaching;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One member's teaching settings, held messages and link faults as its admin API reports them.
 *
 * @param server         server id
 * @param endpoint       {@code host:adminPort}
 * @param slowFactor     speed factor (1 = real time)
 * @param paused         holding every outbound message
 * @param messageDelayMs delay per message at this speed
 * @param held           messages it holds, by id
 * @param blocked        peers its outgoing link is partitioned from
 * @param dropPercent    drop rate per peer
 */
public record MemberTeaching(long server, String endpoint, int slowFactor, boolean paused, long messageDelayMs,
        List<HeldMessage> held, Set<Long> blocked, Map<Long, Double> dropPercent) {

    public MemberTeaching {
        held = List.copyOf(held);
        blocked = Set.copyOf(blocked);
        dropPercent = Map.copyOf(dropPercent);
    }
}
