package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * When the live view reads what the members hold: after an event stream has started (its
 * {@code Hello}), never before, and an answer older than one already shown is dropped. No cluster,
 * no FX thread: a scripted {@link TeachingControl} and an executor whose answers the test hands back.
 */
class TeachingReadsTest {

    private static final long T = 1_700_000_000_000L;

    /** Each read answers the next scripted picture of member 2; reads are counted. */
    private static final class ScriptedControl implements TeachingControl {
        final Deque<List<HeldMessage>> answers = new ArrayDeque<>();
        boolean paused = true;
        int reads;

        @Override
        public List<MemberTeaching> read() {
            reads++;
            List<HeldMessage> held = answers.isEmpty() ? List.of() : answers.poll();
            return List.of(new MemberTeaching(2, "127.0.0.1:2", 1, paused, 0, held, Set.of(), Map.of()));
        }

        @Override
        public int setSpeed(int factor) {
            return 0;
        }

        @Override
        public int pause() {
            return 0;
        }

        @Override
        public int resume() {
            return 0;
        }

        @Override
        public Optional<HeldMessage> step() {
            return Optional.empty();
        }

        @Override
        public void drop(MessageKey key) {
        }

        @Override
        public void cutLink(long a, long b, boolean cut) {
        }

        @Override
        public int heal() {
            return 0;
        }
    }

    /** Does the work at once (the node answers when asked) but hands results back only when told. */
    private static final class HandBackExecutor implements TaskExecutor {
        final List<Runnable> answers = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            try {
                T v = work.call();
                answers.add(() -> onSuccess.accept(v));
                return CompletableFuture.completedFuture(v);
            } catch (Exception e) {
                answers.add(() -> onError.accept(e));
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }
    }

    private static HeldMessage parked(long id) {
        return new HeldMessage(2, id, 1, "PROPOSAL", 0x100000001L + id, T + id, -1);
    }

    @Test
    void whatTheMembersHoldIsReadWhenTheirStreamStarts() {
        ScriptedControl control = new ScriptedControl();
        control.answers.add(List.of(parked(7)));
        HandBackExecutor executor = new HandBackExecutor();
        TeachingViewModel vm = new TeachingViewModel(control, executor, () -> T + 100);

        vm.onEvents(List.of(TeachingEvents.sent(T + 1, 1, 1, 2, "ACK", null, T + 5)));
        assertThat(control.reads).as("no Hello yet: the stream may still miss events, so nothing is read").isZero();

        vm.onEvents(List.of(TeachingEvents.hello(T + 2, 2, "following", 1, 1)));
        assertThat(control.reads).isEqualTo(1);
        executor.answers.forEach(Runnable::run);

        assertThat(vm.replay().state().held()).containsKey(new MessageKey(2, 7));
        assertThat(vm.heldCountProperty().get()).isEqualTo(2);
    }

    @Test
    void aMessageSentWhileTheReadWasUnderWayIsKept() {
        ScriptedControl control = new ScriptedControl();
        control.answers.add(List.of(parked(7)));
        HandBackExecutor executor = new HandBackExecutor();
        TeachingViewModel vm = new TeachingViewModel(control, executor, () -> T + 100);
        vm.onEvents(List.of(TeachingEvents.hello(T + 1, 2, "looking", 1, -1)));

        // the node answered (7 held), then sent 8 (parked: it is paused); the stream brings 8
        // before the answer is back on the UI thread
        vm.onEvents(List.of(TeachingEvents.sent(T + 20, 2, 8, 1, "VOTE", null, null)));
        executor.answers.forEach(Runnable::run);

        assertThat(vm.replay().state().held()).containsOnlyKeys(new MessageKey(2, 7), new MessageKey(2, 8));
        assertThat(vm.heldCountProperty().get()).isEqualTo(2);
    }

    @Test
    void aMessageDeliveredWhileTheReadWasUnderWayIsNotBroughtBack() {
        ScriptedControl control = new ScriptedControl();
        control.answers.add(List.of(parked(7)));
        HandBackExecutor executor = new HandBackExecutor();
        TeachingViewModel vm = new TeachingViewModel(control, executor, () -> T + 100);
        vm.onEvents(List.of(TeachingEvents.hello(T + 1, 2, "following", 1, 1)));

        // the node answered (7 held), then a step delivered 7; the stream says so before the answer is back
        vm.onEvents(List.of(TeachingEvents.delivered(T + 20, 2, 7, 1, "PROPOSAL")));
        executor.answers.forEach(Runnable::run);

        assertThat(vm.replay().state().held()).isEmpty();
        assertThat(vm.heldCountProperty().get()).isZero();
    }

    @Test
    void aPauseStreamedWhileTheReadWasUnderWayHoldsOn() {
        ScriptedControl control = new ScriptedControl();
        control.answers.add(List.of(new HeldMessage(2, 7, 1, "VOTE", -1, T, T + 300)));
        control.paused = false;
        HandBackExecutor executor = new HandBackExecutor();
        TeachingViewModel vm = new TeachingViewModel(control, executor, () -> T + 100);
        vm.onEvents(List.of(TeachingEvents.hello(T + 1, 2, "looking", 1, -1)));

        vm.onEvents(List.of(TeachingEvents.ev(T + 20, 2, "TeachingChanged",
                "\"slowFactor\":30,\"paused\":true,\"messageDelayMs\":290")));
        executor.answers.forEach(Runnable::run);

        assertThat(vm.pausedProperty().get()).as("the read said running, the stream paused it since").isTrue();
        assertThat(vm.replay().state().held().get(new MessageKey(2, 7)).parked()).isTrue();
    }

    @Test
    void anAnswerOlderThanTheOneShownIsDropped() {
        ScriptedControl control = new ScriptedControl();
        // first read: message 7 held; second read (after a step delivered it): nothing held
        control.answers.add(List.of(parked(7)));
        control.answers.add(List.of());
        HandBackExecutor executor = new HandBackExecutor();
        TeachingViewModel vm = new TeachingViewModel(control, executor, () -> T + 100);

        vm.onEvents(List.of(TeachingEvents.hello(T + 1, 2, "following", 1, 1)));
        vm.onEvents(List.of(TeachingEvents.hello(T + 2, 2, "following", 1, 1)));
        assertThat(executor.answers).hasSize(2);
        executor.answers.get(1).run();
        executor.answers.get(0).run();

        assertThat(vm.replay().state().held()).as("the older picture would bring message 7 back").isEmpty();
        assertThat(vm.heldCountProperty().get()).isZero();
    }
}
