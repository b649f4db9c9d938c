package org.quorumlab.launcher.autoscale;

/** Receives every {@link ScalingEvent} on the auto-scaler's thread; must return quickly; exceptions are logged. */
@FunctionalInterface
public interface ScalingListener {

    void onEvent(ScalingEvent event);
}
