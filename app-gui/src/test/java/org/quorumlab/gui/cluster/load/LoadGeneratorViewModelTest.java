package org.quorumlab.gui.cluster.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quorumlab.gui.SerialExecutor;
import org.quorumlab.gui.ServerBackedTest;
import org.quorumlab.gui.common.TaskExecutor;

/** The console's load controls drive the launcher's generator against a real server. */
class LoadGeneratorViewModelTest extends ServerBackedTest {

    @Test
    void generatesReadsAndWritesWithTheChosenPolicyAndReportsTheSummaryOnStop() throws Exception {
        try (SerialExecutor ui = new SerialExecutor()) {
            LoadGeneratorViewModel vm = new LoadGeneratorViewModel(ui, server.connectString() + "/chrooted");
            ui.read(() -> {
                vm.clientsProperty().set(3);
                vm.rateProperty().set(300);
                vm.readRatioProperty().set(0.5);
                vm.policyProperty().set("least-outstanding");
                vm.start();
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> ui.read(() -> vm.runningProperty().get()));
            assertThat(ui.read(() -> vm.statusProperty().get())).contains("300 ops/s target", "50% reads",
                    "least-outstanding");
            await().atMost(Duration.ofSeconds(30)).until(() -> ui.read(() -> {
                vm.refresh();
                return vm.statusProperty().get().matches("\\[\\s*\\d+s\\] [1-9]\\d* ops/s .*#1 100%");
            }));
            assertThat(session.client().getChildren("/quorumlab-load", false)).contains("key-0");

            ui.read(() -> {
                vm.stop();
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> ui.read(() -> vm.statusProperty().get())
                    .startsWith("stopped: "));
            String summary = ui.read(() -> vm.statusProperty().get());
            assertThat(summary).doesNotStartWith("stopped: 0 ops").contains("reads").contains("writes");
            assertThat(ui.read(() -> vm.runningProperty().get() || vm.busyProperty().get())).isFalse();
        }
    }

    @Test
    void badSettingsAreRefusedWithTheReasonAndNothingStarts() {
        LoadGeneratorViewModel vm = new LoadGeneratorViewModel(TaskExecutor.synchronous(), server.connectString());
        vm.policyProperty().set("fastest");
        vm.start();
        assertThat(vm.statusProperty().get()).contains("unknown balancing policy 'fastest'");
        vm.policyProperty().set("round-robin");
        vm.clientsProperty().set(0);
        vm.start();
        assertThat(vm.statusProperty().get()).isEqualTo("clients must be within 1..64, got 0");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(new LoadGeneratorViewModel(TaskExecutor.synchronous(), "").policyChoices())
                .contains("round-robin", "random", "least-latency", "least-outstanding");
    }
}
