package org.quorumlab.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Median and range of per-round ratios, and what counts as no ratio. */
class RatioSummaryTest {

    private static final double NAN = Double.NaN;

    @Test
    void oddCountTakesTheMiddleValue() {
        RatioSummary s = RatioSummary.of(List.of(1.30, 1.88, 1.46));
        assertThat(s.count()).isEqualTo(3);
        assertThat(s.median()).isEqualTo(1.46);
        assertThat(s.min()).isEqualTo(1.30);
        assertThat(s.max()).isEqualTo(1.88);
        assertThat(s.perRound()).containsExactly(1.30, 1.88, 1.46);
        assertThat(s.cell()).isEqualTo("1.46× (1.30–1.88)");
    }

    @Test
    void evenCountTakesTheMeanOfTheMiddleTwo() {
        RatioSummary s = RatioSummary.of(List.of(4.0, 1.0, 3.0, 2.0));
        assertThat(s.median()).isEqualTo(2.5);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(4.0);
        assertThat(s.cell()).isEqualTo("2.50× (1.00–4.00)");
    }

    @Test
    void zooKeeperAtZeroOrUnknownGivesNoRatio() {
        assertThat(RatioSummary.ratio(5, 0)).isNaN();
        assertThat(RatioSummary.ratio(5, NAN)).isNaN();
        assertThat(RatioSummary.ratio(NAN, 5)).isNaN();
        // QuorumLab at zero is a real result (it did nothing), not a missing one
        assertThat(RatioSummary.ratio(0, 5)).isZero();
        assertThat(RatioSummary.ratio(3, 2)).isEqualTo(1.5);
    }

    @Test
    void roundsWithoutARatioAreLeftOutNotCountedAsZero() {
        RatioSummary s = RatioSummary.of(List.of(2.0, NAN, 4.0));
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.median()).isEqualTo(3.0);
        assertThat(s.min()).isEqualTo(2.0);
        assertThat(s.perRound()).hasSize(3);
        assertThat(s.perRound().get(1)).isNaN();

        RatioSummary none = RatioSummary.of(List.of(NAN, NAN, NAN));
        assertThat(none.count()).isZero();
        assertThat(none.median()).isNaN();
        assertThat(none.cell()).isEqualTo("n/a");

        assertThat(RatioSummary.of(List.of(NAN, 1.5)).cell()).as("one ratio has no spread").isEqualTo("1.50×");
        assertThat(RatioSummary.of(List.of(0.0, 1.0, 2.0)).median()).isEqualTo(1.0);
    }
}
