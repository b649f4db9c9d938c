package org.quorumlab.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * QuorumLab/ZooKeeper ratios of one metric on one workload, one per round, and their median and
 * range. A single run per engine could not tell a real change from the machine's noise (issue 13:
 * earlier single runs gave write ratios of 0.98× and 2.68×), so reports quote the median with its spread.
 *
 * <p>A round whose ratio is undefined (an engine's run is missing, or ZooKeeper's figure is 0 or
 * unknown) is kept as NaN in {@link #perRound} and left out of the median and range, never counted
 * as 0.
 *
 * @param perRound the ratio of each round in round order, NaN where undefined
 * @param count    how many rounds have a ratio
 * @param median   median of the defined ratios (mean of the middle two for an even count); NaN if none
 * @param min      smallest defined ratio; NaN if none
 * @param max      largest defined ratio; NaN if none
 */
public record RatioSummary(List<Double> perRound, int count, double median, double min, double max) {

    public RatioSummary {
        perRound = List.copyOf(perRound);
    }

    /** {@code quorumLab / zooKeeper}, or NaN when that is no ratio (ZooKeeper's figure 0 or either unknown). */
    public static double ratio(double quorumLab, double zooKeeper) {
        if (Double.isNaN(quorumLab) || Double.isNaN(zooKeeper) || zooKeeper <= 0 || quorumLab < 0) {
            return Double.NaN;
        }
        return quorumLab / zooKeeper;
    }

    public static RatioSummary of(List<Double> perRound) {
        List<Double> defined = definedSorted(perRound);
        if (defined.isEmpty()) {
            return new RatioSummary(perRound, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new RatioSummary(perRound, defined.size(), median(perRound), defined.get(0),
                defined.get(defined.size() - 1));
    }

    /**
     * Median of the values that are not NaN: the middle one for an odd count, the mean of the middle
     * two for an even count; NaN when there is none.
     */
    static double median(List<Double> values) {
        List<Double> defined = definedSorted(values);
        int n = defined.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? defined.get(n / 2) : (defined.get(n / 2 - 1) + defined.get(n / 2)) / 2;
    }

    private static List<Double> definedSorted(List<Double> values) {
        List<Double> defined = new ArrayList<>();
        for (Double v : values) {
            if (v != null && !v.isNaN()) {
                defined.add(v);
            }
        }
        Collections.sort(defined);
        return defined;
    }

    /**
     * The table cell: {@code "1.46× (1.30–1.88)"}; {@code "1.50×"} when one round has a ratio (a
     * range of one value would pretend to be a spread); {@code "n/a"} when none has.
     */
    public String cell() {
        if (count == 0) {
            return "n/a";
        }
        if (count == 1) {
            return times(median);
        }
        return String.format(Locale.ROOT, "%s (%.2f–%.2f)", times(median), min, max);
    }

    /** One round's ratio as {@code "1.30"}, or {@code "n/a"}. */
    static String roundCell(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, "%.2f×", ratio);
    }
}
