package org.quorumlab.gui.recipes;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One row of the clients table; the same object is updated on every refresh so selection survives. */
public final class ClientRow {

    private final int index;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");

    ClientRow(int index) {
        this.index = index;
    }

    void update(SimulatedClient c, String connectedServer) {
        state.set(c.state());
        detail.set(c.detail());
        server.set(connectedServer);
    }

    public int index() { return index; }
    public String state() { return state.get(); }
    public String detail() { return detail.get(); }
    public String server() { return server.get(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty serverProperty() { return server.getReadOnlyProperty(); }
}
