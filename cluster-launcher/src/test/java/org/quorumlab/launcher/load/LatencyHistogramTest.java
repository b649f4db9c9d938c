package org.quorumlab.launcher.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The pure pieces of the load generator: histogram, token bucket, durations, spec validation. */
class LatencyHistogramTest {

    @Test
    void bucketsCoverEveryValueWithSmallRelativeError() {
        for (long v : new long[] {0, 1, 31, 32, 33, 63, 64, 100, 1_000, 12_345, 999_999, 1L << 40}) {
            int i = LatencyHistogram.indexOf(v);
            long hi = LatencyHistogram.highestEquivalent(i);
            assertThat(hi).as("upper bound of %d", v).isGreaterThanOrEqualTo(v);
            assertThat((double) (hi - v) / Math.max(1, v)).as("relative error at %d", v).isLessThan(1.0 / 32);
            assertThat(LatencyHistogram.indexOf(hi)).isEqualTo(i);
        }
        assertThat(LatencyHistogram.indexOf(Long.MAX_VALUE)).isLessThan(LatencyHistogram.BUCKETS);
    }

    @Test
    void percentilesOfAUniformSpread() {
        LatencyHistogram h = new LatencyHistogram();
        for (int us = 1; us <= 10_000; us++) {
            h.recordMicros(us);
        }
        Percentiles p = h.snapshot().percentiles();
        assertThat(p.count()).isEqualTo(10_000);
        assertThat(p.p50Ms()).isCloseTo(5.0, Offset.offset(0.16));
        assertThat(p.p99Ms()).isCloseTo(9.9, Offset.offset(0.31));
        assertThat(p.p999Ms()).isCloseTo(9.99, Offset.offset(0.31));
        assertThat(p.maxMs()).isCloseTo(10.0, Offset.offset(0.31));
    }

    @Test
    void differenceOfSnapshotsIsTheInterval() {
        LatencyHistogram h = new LatencyHistogram();
        h.recordMicros(100);
        LatencyHistogram.Snapshot first = h.snapshot();
        h.recordMicros(50_000);
        h.recordMicros(50_000);
        LatencyHistogram.Snapshot interval = h.snapshot().minus(first);
        assertThat(interval.count()).isEqualTo(2);
        assertThat(interval.valueAtQuantile(0.5)).isBetween(50_000L, 51_600L);
        assertThat(LatencyHistogram.Snapshot.empty().percentiles()).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
    }

    @Test
    void tokenBucketPacesAtTheRateWithABoundedBurst() {
        TokenBucket b = new TokenBucket(1000, 5);   // one slot per ms
        long t = 1_000_000_000L;
        assertThat(b.reserve(t)).isZero();
        assertThat(b.reserve(t)).isEqualTo(1_000_000L);
        assertThat(b.reserve(t)).isEqualTo(2_000_000L);
        // Idle for a second: only 5 slots of credit carry over.
        long later = t + 1_000_000_000L;
        for (int i = 0; i < 5; i++) {
            assertThat(b.reserve(later)).as("burst slot %d", i).isZero();
        }
        assertThat(b.reserve(later)).isZero();
        assertThat(b.reserve(later)).isEqualTo(1_000_000L);
        assertThatThrownBy(() -> new TokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationsAsWritten() {
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(DurationText.parse("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(DurationText.parse("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationText.format(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThatThrownBy(() -> DurationText.parse("soon")).hasMessageContaining("bad duration");
    }

    @Test
    void specRejectsBadValuesWithOneLine() {
        assertThatThrownBy(() -> LoadSpec.builder("h:1").readRatio(1.5).build()).hasMessageContaining("--read-ratio");
        assertThatThrownBy(() -> LoadSpec.builder("h:1").clients(0).build()).hasMessageContaining("--clients");
        assertThatThrownBy(() -> LoadSpec.builder("nohost").build()).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> LoadSpec.builder("").build()).hasMessageContaining("no servers");
        assertThatThrownBy(() -> LoadSpec.builder("h:1,h:1").build()).hasMessageContaining("listed twice");
        assertThat(LoadSpec.parseConnect("a:1, b:2,")).containsExactly("a:1", "b:2");
    }
}
