package org.quorumlab.launcher.load;

/**
 * Receives the samples of a {@link LoadGenerator}: one per sample interval on the generator's
 * sampler thread, then one with {@link LoadSample#last()} on the thread that stopped it. Must
 * return quickly (hand off to the UI thread); exceptions are logged and ignored.
 */
@FunctionalInterface
public interface LoadListener {

    void onSample(LoadSample sample);
}
