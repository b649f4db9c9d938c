package org.quorumlab.gui.cluster;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Observable state of one node in the diagram. */
public final class NodeModel {

    private final long id;
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.UNKNOWN);
    private final LongProperty epoch = new SimpleLongProperty(-1);
    private final LongProperty lastZxid = new SimpleLongProperty(-1);
    private final IntegerProperty connections = new SimpleIntegerProperty();
    private final DoubleProperty opsPerSec = new SimpleDoubleProperty();
    private final BooleanProperty alive = new SimpleBooleanProperty(true);
    private final BooleanProperty observer = new SimpleBooleanProperty();
    private final StringProperty endpoint = new SimpleStringProperty("");

    /** A node with server id {@code id}. */
    public NodeModel(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public Role role() {
        return role.get();
    }

    public LongProperty epochProperty() {
        return epoch;
    }

    public LongProperty lastZxidProperty() {
        return lastZxid;
    }

    public IntegerProperty connectionsProperty() {
        return connections;
    }

    public DoubleProperty opsPerSecProperty() {
        return opsPerSec;
    }

    public BooleanProperty aliveProperty() {
        return alive;
    }

    public boolean isAlive() {
        return alive.get();
    }

    public BooleanProperty observerProperty() {
        return observer;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** {@code 0x...} or "-" when unknown. */
    public String lastZxidHex() {
        return lastZxid.get() < 0 ? "-" : "0x" + Long.toHexString(lastZxid.get());
    }

    @Override
    public String toString() {
        return "node " + id + " (" + role.get().label() + ")";
    }
}
