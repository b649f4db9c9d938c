package org.quorumlab.engine.consensus.lincheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quorumlab.engine.consensus.lincheck.RegisterOp.PENDING;
import static org.quorumlab.engine.consensus.lincheck.RegisterOp.cas;
import static org.quorumlab.engine.consensus.lincheck.RegisterOp.read;
import static org.quorumlab.engine.consensus.lincheck.RegisterOp.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {

    private static boolean lin(RegisterOp... ops) {
        return LinearizabilityChecker.check(List.of(ops)).linearizable();
    }

    @Test
    void sequentialWriteThenRead() {
        assertThat(lin(write(0, 0, 1, 5), read(1, 2, 3, 5, 1))).isTrue();
    }

    @Test
    void staleReadAfterCompletedWriteIsNotLinearizable() {
        assertThat(lin(write(0, 0, 1, 5), read(1, 2, 3, 0, 0))).isFalse();
    }

    @Test
    void concurrentReadMaySeeEitherValue() {
        assertThat(lin(write(0, 0, 10, 5), read(1, 1, 2, 0, 0), read(2, 3, 4, 5, 1))).isTrue();
    }

    @Test
    void newThenOldInversionIsNotLinearizable() {
        assertThat(lin(write(0, 0, 10, 5), read(1, 1, 2, 5, 1), read(2, 3, 4, 0, 0))).isFalse();
    }

    @Test
    void twoSuccessfulCasOnSameVersionIsNotLinearizable() {
        assertThat(lin(cas(0, 0, 5, 0, 1, true), cas(1, 1, 6, 0, 2, true))).isFalse();
        assertThat(lin(cas(0, 0, 5, 0, 1, true), cas(1, 1, 6, 0, 2, false))).isTrue();
    }

    @Test
    void failedCasMustHaveSeenAnotherVersion() {
        assertThat(lin(cas(0, 0, 1, 0, 1, false))).isFalse();
        assertThat(lin(write(0, 0, 1, 9), cas(1, 2, 3, 0, 1, false), read(2, 4, 5, 9, 1))).isTrue();
    }

    @Test
    void pendingWriteMayTakeEffectOrNot() {
        assertThat(lin(write(0, 0, PENDING, 5), read(1, 2, 3, 5, 1))).isTrue();
        assertThat(lin(write(0, 0, PENDING, 5), read(1, 2, 3, 0, 0))).isTrue();
        assertThat(lin(write(0, 0, PENDING, 5), read(1, 2, 3, 5, 1), read(2, 4, 5, 0, 0))).isFalse();
    }

    @Test
    void pendingCasOutcomeIsFree() {
        assertThat(lin(cas(0, 0, PENDING, 0, 7, false), read(1, 2, 3, 7, 1))).isTrue();
    }

    @Test
    void readOfNeverWrittenValueIsNotLinearizable() {
        assertThat(lin(write(0, 0, 1, 1), read(1, 0, 5, 2, 1))).isFalse();
    }

    @Test
    void largeConcurrentHistoryFromAnAtomicRegisterIsLinearizable() {
        Random rnd = new Random(1);
        for (int round = 0; round < 20; round++) {
            List<RegisterOp> h = atomicHistory(rnd, 6, 200);
            LinearizabilityChecker.Result r = LinearizabilityChecker.check(h);
            assertThat(r.linearizable()).isTrue();
            assertThat(r.order()).hasSize((int) h.stream().filter(o -> !o.pending()).count()
                    + (int) r.order().stream().filter(i -> h.get(i).pending()).count());
        }
    }

    @Test
    void corruptingOneReadOfALargeHistoryIsDetected() {
        Random rnd = new Random(2);
        int detected = 0;
        for (int round = 0; round < 20; round++) {
            List<RegisterOp> h = new ArrayList<>(atomicHistory(rnd, 4, 120));
            for (int i = h.size() - 1; i >= 0; i--) {
                RegisterOp o = h.get(i);
                if (o.kind() == RegisterOp.Kind.READ && !o.pending()) {
                    h.set(i, read(o.id(), o.call(), o.ret(), o.value() + 1000, o.version()));
                    break;
                }
            }
            if (!LinearizabilityChecker.check(h).linearizable()) {
                detected++;
            }
        }
        assertThat(detected).isEqualTo(20);
    }

    @Test
    void aBoundedSearchGivesUpInsteadOfAnswering() {
        List<RegisterOp> h = atomicHistory(new Random(3), 4, 100);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LinearizabilityChecker.check(h, 5))
                .isInstanceOf(LinearizabilityChecker.SearchLimitExceeded.class);
        assertThat(LinearizabilityChecker.check(h, 10_000_000).linearizable()).isTrue();
    }

    /** Clients overlapping in time on a real atomic register (linearization point at a random instant). */
    static List<RegisterOp> atomicHistory(Random rnd, int clients, int ops) {
        long value = 0;
        long version = 0;
        List<RegisterOp> out = new ArrayList<>();
        long[] busyUntil = new long[clients];
        long t = 0;
        for (int i = 0; i < ops; i++) {
            int c = rnd.nextInt(clients);
            long call = Math.max(t, busyUntil[c]) + rnd.nextInt(3);
            long point = call + 1 + rnd.nextInt(5);
            long ret = point + 1 + rnd.nextInt(5);
            t = call;
            busyUntil[c] = ret + 1;
            // ops are generated in linearization-point order only approximately; keep it exact:
            int k = rnd.nextInt(3);
            RegisterOp op;
            if (k == 0) {
                op = read(i, call, ret, value, version);
            } else if (k == 1) {
                value = rnd.nextInt(10);
                version++;
                op = write(i, call, rnd.nextInt(10) == 0 ? PENDING : ret, value);
            } else {
                long expected = rnd.nextBoolean() ? version : version - 1;
                boolean ok = expected == version;
                long v = rnd.nextInt(10);
                if (ok) {
                    value = v;
                    version++;
                }
                op = cas(i, call, ret, expected, v, ok);
            }
            out.add(op);
        }
        return out;
    }
}
