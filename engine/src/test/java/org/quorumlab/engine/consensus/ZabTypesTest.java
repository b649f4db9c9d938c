package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZabTypesTest {

    @Test
    void zxidSplitsEpochAndCounter() {
        long z = Zxid.make(3, 0x12);
        assertThat(z).isEqualTo(0x300000012L);
        assertThat(Zxid.epochOf(z)).isEqualTo(3);
        assertThat(Zxid.counterOf(z)).isEqualTo(0x12);
        assertThat(Zxid.toHex(z)).isEqualTo("0x300000012");
        assertThat(Zxid.make(2, Zxid.MAX_COUNTER)).isLessThan(Zxid.make(3, 0));
        assertThatThrownBy(() -> Zxid.make(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Zxid.make(1, 1L << 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quorumIsStrictMajorityOfVotersOnly() {
        QuorumConfig c = QuorumConfig.of(7, List.of(1L, 2L, 3L, 4L), List.of(5L, 6L));
        assertThat(c.isQuorum(Set.of(1L, 2L))).isFalse();
        assertThat(c.isQuorum(Set.of(1L, 2L, 5L, 6L))).as("observers never count").isFalse();
        assertThat(c.isQuorum(Set.of(1L, 2L, 3L))).isTrue();
        assertThat(c.members()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(c.isObserver(5)).isTrue();
        assertThat(c.isVoter(5)).isFalse();
        assertThatThrownBy(() -> QuorumConfig.of(0, List.of(1L), List.of(1L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuorumConfig.of(0, List.of(), List.of(1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void voteOrderIsPeerEpochThenZxidThenId() {
        assertThat(Vote.beats(1, Zxid.make(2, 1), 3, 9, Zxid.make(2, 9), 2)).as("peerEpoch first").isTrue();
        assertThat(Vote.beats(1, Zxid.make(2, 9), 2, 9, Zxid.make(2, 1), 2)).as("then zxid").isTrue();
        assertThat(Vote.beats(2, 5, 2, 1, 5, 2)).as("then id").isTrue();
        assertThat(Vote.beats(1, 5, 2, 2, 5, 2)).isFalse();
    }

    @Test
    void votesOfEstablishedPeersAgreeOnLeaderAndEpochOnly() {
        Vote a = new Vote(3, 10, 1, 2, ServerState.FOLLOWING);
        Vote b = new Vote(3, 99, 7, 2, ServerState.LEADING);
        assertThat(a.agreesWith(b)).isTrue();
        Vote lookingA = new Vote(3, 10, 1, 2, ServerState.LOOKING);
        assertThat(lookingA.agreesWith(new Vote(3, 10, 2, 2, ServerState.LOOKING))).isFalse();
    }

    @Test
    void logEntriesCompareByContent() {
        assertThat(new LogEntry(1, new byte[] {1, 2})).isEqualTo(new LogEntry(1, new byte[] {1, 2}));
        assertThat(new LogEntry(1, new byte[] {1, 2})).isNotEqualTo(new LogEntry(1, new byte[] {1, 3}));
    }

    @Test
    void durableStateRejectsUnorderedLog() {
        assertThatThrownBy(() -> new DurableState(1, 1, List.of(new LogEntry(5, new byte[0]), new LogEntry(4, new byte[0])),
                0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DurableState(1, 1, List.of(new LogEntry(5, new byte[0])), 0, 0, 1).lastZxid()).isEqualTo(5);
    }
}
