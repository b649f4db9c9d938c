package org.quorumlab.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.chaos.NemesisPlan.Kind;

class NemesisPlanTest {

    @Test
    void theScheduleIsAFunctionOfTheSeed() {
        Set<Kind> all = EnumSet.allOf(Kind.class);
        NemesisPlan a = NemesisPlan.generate(42, all, 20, 1000, 3000, 1500, 5000);
        assertThat(NemesisPlan.generate(42, all, 20, 1000, 3000, 1500, 5000)).isEqualTo(a);
        assertThat(NemesisPlan.generate(43, all, 20, 1000, 3000, 1500, 5000).steps()).isNotEqualTo(a.steps());
        assertThat(a.steps()).allSatisfy(s -> {
            assertThat(s.gapMillis()).isBetween(1000L, 3000L);
            assertThat(s.faultMillis()).isBetween(1500L, 5000L);
        });
        assertThat(a.steps()).extracting(NemesisPlan.Step::kind).containsAnyOf(Kind.KILL, Kind.PAUSE, Kind.PARTITION);
    }

    @Test
    void kindsParseFromAList() {
        assertThat(Kind.parse("KILL,PAUSE")).containsExactly(Kind.KILL, Kind.PAUSE);
        assertThat(Kind.parse("")).containsExactlyInAnyOrder(Kind.values());
    }
}
