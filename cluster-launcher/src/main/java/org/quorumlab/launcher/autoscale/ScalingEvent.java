package org.quorumlab.launcher.autoscale;

/**
 * One auto-scaling event, as logged and sent to {@link ScalingListener}s.
 *
 * @param timeMs      when it happened (epoch ms, the auto-scaler's clock)
 * @param policy      the policy's spec text
 * @param decision    what the policy decided
 * @param outcome     {@code HOLD} (nothing to do), {@code STARTED} (change begins), {@code APPLIED}, {@code FAILED}
 * @param detail      for APPLIED the actuator's detail, for FAILED the error message, else the reason
 * @param observation what the decision was based on
 */
public record ScalingEvent(long timeMs, String policy, Decision decision, Outcome outcome, String detail,
        ClusterObservation observation) {

    public enum Outcome { HOLD, STARTED, APPLIED, FAILED }

    /** One line, as logged: {@code autoscale load:...: add a server (250 ops/s ... above hi=200): APPLIED ...}. */
    public String describe() {
        return "autoscale " + policy + ": " + decision.action() + " (" + decision.reason() + "): " + outcome
                + (outcome == Outcome.APPLIED || outcome == Outcome.FAILED ? " - " + detail : "");
    }
}
