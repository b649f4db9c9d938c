package org.quorumlab.gui.admin;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * The outcome of sending one admin call to every member of an ensemble. Fault and teaching
 * settings are per node (each node only changes its own outgoing links), so the console sends the
 * same call to all; a member that is down is skipped — it is not an error that it cannot be
 * slowed or partitioned — while a member that answers and refuses (bad parameter, standalone
 * server) is remembered so the caller can report it.
 *
 * @param answered how many members accepted the call
 * @param refused  the last refusal by a reachable member, or null
 */
public record MemberBroadcast(int answered, IOException refused) {

    /** One admin call to one member. */
    @FunctionalInterface
    public interface MemberCall {
        void call(String endpoint) throws IOException;
    }

    /** Runs {@code call} on every endpoint in turn, skipping unreachable members. */
    public static MemberBroadcast toAll(List<String> endpoints, MemberCall call) {
        int ok = 0;
        IOException refused = null;
        for (String endpoint : endpoints) {
            try {
                call.call(endpoint);
                ok++;
            } catch (IOException e) {
                if (!unreachable(e)) {
                    refused = e;
                }
            }
        }
        return new MemberBroadcast(ok, refused);
    }

    /** Whether {@code e} says the member is down (connection refused or timed out) rather than refusing. */
    public static boolean unreachable(IOException e) {
        return e instanceof ConnectException || e instanceof HttpTimeoutException
                || e.getCause() instanceof ConnectException;
    }

    /**
     * How many members accepted.
     *
     * @throws IOException the refusal, when no member accepted and one refused
     */
    public int answeredUnlessAllRefused() throws IOException {
        if (answered == 0 && refused != null) {
            throw refused;
        }
        return answered;
    }
}
