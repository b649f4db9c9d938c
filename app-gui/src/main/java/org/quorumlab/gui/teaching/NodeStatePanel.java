package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.quorumlab.gui.cluster.Role;

/**
 * One card per node (RaftScope-like): role, epoch, last zxid, its vote while LOOKING, teaching
 * speed, and a log strip of the current epoch's zxids coloured by how far each got on that node
 * (proposed, acknowledged, committed). Only cards whose node changed are rebuilt.
 */
public final class NodeStatePanel extends VBox {

    private final Map<Long, Card> cards = new TreeMap<>();

    private record Card(VBox box, NodeState shown, long leaderId) {
    }

    public NodeStatePanel(ReplayViewModel replay) {
        getStyleClass().add("node-state-panel");
        setSpacing(8);
        replay.stateProperty().addListener((o, a, s) -> update(s));
        update(replay.state());
    }

    private void update(TeachingState s) {
        cards.keySet().removeIf(id -> !s.nodes().containsKey(id));
        List<javafx.scene.Node> children = new ArrayList<>();
        children.add(legend());
        for (NodeState n : s.nodes().values()) {
            Card c = cards.get(n.id());
            if (c == null || !c.shown().equals(n) || c.leaderId() != s.leaderId()) {
                c = new Card(card(n, s.leaderId()), n, s.leaderId());
                cards.put(n.id(), c);
            }
            children.add(c.box());
        }
        getChildren().setAll(children);
    }

    private static HBox legend() {
        HBox box = new HBox(10, entry("proposed", EntryStatus.PROPOSED), entry("acknowledged", EntryStatus.ACKED),
                entry("committed", EntryStatus.COMMITTED));
        box.getStyleClass().add("log-legend");
        return box;
    }

    private static Label entry(String text, EntryStatus status) {
        Label l = new Label(text);
        l.getStyleClass().addAll("log-entry", styleOf(status));
        return l;
    }

    private static VBox card(NodeState n, long leaderId) {
        Label title = new Label("Node " + n.id() + "   " + (n.alive() ? roleText(n, leaderId) : "down"));
        title.getStyleClass().add("node-card-title");
        Label facts = new Label("epoch " + (n.epoch() < 0 ? "-" : n.epoch()) + "   last zxid " + n.lastZxidHex()
                + speedText(n));
        VBox box = new VBox(3, title, facts);
        if (n.role() == Role.LOOKING && n.vote() != null) {
            Vote v = n.vote();
            Label vote = new Label("votes for " + v.leaderId() + "  (zxid 0x" + Long.toHexString(Math.max(0, v.zxid()))
                    + ", peer epoch " + v.peerEpoch() + ", round " + v.electionEpoch() + ")");
            vote.getStyleClass().add("node-vote");
            box.getChildren().add(vote);
        }
        FlowPane strip = new FlowPane(2, 2);
        strip.getStyleClass().add("log-strip");
        if (n.log().isEmpty()) {
            strip.getChildren().add(new Label("no entries in this epoch yet"));
        }
        n.log().forEach((zxid, status) -> {
            Label e = new Label(Long.toHexString(NodeState.counterOf(zxid)));
            e.getStyleClass().addAll("log-entry", styleOf(status));
            e.setTooltip(new Tooltip("0x" + Long.toHexString(zxid) + " " + status.name().toLowerCase(Locale.ROOT)));
            strip.getChildren().add(e);
        });
        box.getChildren().add(strip);
        box.getStyleClass().addAll("node-card", "node-card-" + (n.alive() ? n.role().name() : "DOWN")
                .toLowerCase(Locale.ROOT));
        box.setId("nodeCard" + n.id());
        return box;
    }

    private static String roleText(NodeState n, long leaderId) {
        return n.id() == leaderId && n.role() == Role.LEADER ? Role.LEADER.label() : n.role().label();
    }

    private static String speedText(NodeState n) {
        if (!n.alive()) {
            return "";
        }
        if (n.paused()) {
            return "   paused";
        }
        return n.slowFactor() > 1 ? "   \u00d7" + n.slowFactor() + " slower (" + n.messageDelayMs() + " ms/msg)" : "";
    }

    private static String styleOf(EntryStatus s) {
        return switch (s) {
            case PROPOSED -> "log-proposed";
            case ACKED -> "log-acked";
            case COMMITTED -> "log-committed";
        };
    }
}
