package org.quorumlab.gui.cluster;

import java.io.IOException;

/** Network fault injection across the ensemble. */
public interface FaultControl {

    /**
     * Partitions the ensemble into {@code groups} ({@code "1,2|3"}).
     *
     * @return how many nodes applied it
     */
    int partition(String groups) throws IOException;

    /** Removes every fault; how many nodes healed. */
    int heal() throws IOException;
}
