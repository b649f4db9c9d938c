package org.quorumlab.launcher.autoscale;

import java.util.List;
import java.util.Map;
import org.quorumlab.launcher.load.LoadListener;
import org.quorumlab.launcher.load.LoadSample;

/**
 * Load as a {@code LoadGenerator} measures it: register this as its listener and pass it to
 * {@link AutoScaler#AutoScaler(AutoScalerSpec, ClusterActuator, LoadMeter, java.util.function.LongSupplier)};
 * the total is the latest sample's ops/s (NaN before the first sample or after the run ended).
 */
public final class LoadSampleMeter implements LoadMeter, LoadListener {

    private volatile double opsPerSec = Double.NaN;

    @Override
    public void onSample(LoadSample sample) {
        opsPerSec = sample.last() ? Double.NaN : sample.opsPerSec();
    }

    @Override
    public Reading read(List<MemberState> members, long nowMs) {
        return new Reading(opsPerSec, Map.of());
    }
}
