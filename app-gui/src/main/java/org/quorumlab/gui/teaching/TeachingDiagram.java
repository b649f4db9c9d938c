package org.quorumlab.gui.teaching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.quorumlab.gui.cluster.Link;
import org.quorumlab.gui.cluster.RingLayout;
import org.quorumlab.gui.cluster.Role;

/**
 * Draws a {@link TeachingState}: nodes on the same ring as the cluster diagram, every link
 * (broken when cut), and every held message as a labelled dot travelling from sender to receiver
 * between its send and delivery time (parked messages wait half-way, pulsing). Clicking a dot or
 * a link reports it; the owner decides what happens.
 */
public final class TeachingDiagram extends Pane {

    private static final double DOT_RADIUS = 7;
    private static final double LANE_OFFSET = 8;
    private static final long FRAME_NANOS = 33_000_000L;

    private final ReplayViewModel replay;
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1);
    private final Canvas canvas = new Canvas();
    private final List<Dot> dots = new ArrayList<>();
    private Consumer<MessageKey> onDot = k -> { };
    private BiConsumer<Long, Long> onLink = (a, b) -> { };
    private String emptyText = "waiting for events from the cluster...";
    private boolean dirty = true;
    private long lastFrame;

    private record Dot(MessageKey key, double x, double y) {
    }

    /** Slot positions along a link for parked messages: middle first, then alternating outwards. */
    private static final double[] PARKING = {0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86};
    /**
     * The slot each parked message keeps for as long as it is held, so a dot never moves under the
     * presenter's pointer when other messages arrive or leave (a click must drop the message that
     * was aimed at, not whichever one slid into its place).
     */
    private final Map<MessageKey, Integer> parkingSlots = new HashMap<>();

    public TeachingDiagram(ReplayViewModel replay) {
        this.replay = replay;
        getStyleClass().add("teaching-diagram");
        getChildren().add(canvas);
        setMinSize(300, 260);
        setPrefSize(640, 480);
        replay.stateProperty().addListener((o, a, b) -> dirty = true);
        replay.cursorProperty().addListener((o, a, b) -> dirty = true);
        fontScale.addListener((o, a, b) -> dirty = true);
        canvas.setOnMouseClicked(e -> click(e.getX(), e.getY()));
        AnimationTimer frames = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastFrame >= FRAME_NANOS && (dirty || !replay.state().held().isEmpty()) && shown()) {
                    lastFrame = now;
                    draw();
                }
            }
        };
        sceneProperty().addListener((o, a, b) -> {
            if (b == null) {
                frames.stop();
            } else {
                frames.start();
            }
        });
    }

    /** False while this pane or an ancestor is hidden (e.g. another tab is selected): no drawing then. */
    private boolean shown() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Multiplies every label's font (and the node circles, so the labels still fit); presenter mode
     * binds it to its font scale, since a Canvas does not follow CSS font sizes.
     */
    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    /** The keys of the message dots drawn last, in drawing order. */
    public List<MessageKey> drawnMessages() {
        return dots.stream().map(Dot::key).toList();
    }

    private double scale() {
        return Math.max(0.5, fontScale.get());
    }

    /** Node radius: grows with the square root of the font scale, enough for the larger labels. */
    private double nodeRadius() {
        return RingLayout.NODE_RADIUS * Math.sqrt(scale());
    }

    private Font font(double size) {
        return Font.font(size * scale());
    }

    private Font bold(double size) {
        return Font.font(null, FontWeight.BOLD, size * scale());
    }

    /** Called with the key of a clicked message dot. */
    public void setOnDotClicked(Consumer<MessageKey> handler) {
        this.onDot = handler;
    }

    /** Called with both ends of a clicked link. */
    public void setOnLinkClicked(BiConsumer<Long, Long> handler) {
        this.onLink = handler;
    }

    /** What to show when there is nothing to draw. */
    public void setEmptyText(String text) {
        this.emptyText = text;
        dirty = true;
    }

    /** Where the dot of {@code key} was last drawn, in this pane's coordinates. */
    public Optional<Point2D> dotCenter(MessageKey key) {
        return dots.stream().filter(d -> d.key().equals(key)).findFirst().map(d -> new Point2D(d.x(), d.y()));
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private Map<Long, Point2D> positions(TeachingState s) {
        Map<Long, Point2D> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(s.nodes().keySet());
        // larger nodes and labels need a wider margin than the ring layout's
        double inset = Math.max(0, nodeRadius() - RingLayout.NODE_RADIUS + 16 * (scale() - 1));
        double w = Math.max(1, canvas.getWidth() - 2 * inset);
        double h = Math.max(1, canvas.getHeight() - 2 * inset);
        for (int i = 0; i < ids.size(); i++) {
            out.put(ids.get(i), RingLayout.position(i, ids.size(), w, h).add(inset, inset));
        }
        return out;
    }

    private void click(double x, double y) {
        for (Dot d : dots) {
            if (Math.hypot(d.x() - x, d.y() - y) <= DOT_RADIUS + 4) {
                onDot.accept(d.key());
                return;
            }
        }
        TeachingState s = replay.state();
        Map<Long, Point2D> pos = positions(s);
        for (Link l : s.links()) {
            Point2D a = pos.get(l.a());
            Point2D b = pos.get(l.b());
            double r = nodeRadius();
            if (a.distance(x, y) > r && b.distance(x, y) > r && distanceToSegment(x, y, a, b) <= 7) {
                onLink.accept(l.a(), l.b());
                return;
            }
        }
    }

    private void draw() {
        dirty = false;
        TeachingState s = replay.state();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f7f8fa"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        Map<Long, Point2D> pos = positions(s);
        for (Link l : s.links()) {
            drawLink(g, s, l, pos.get(l.a()), pos.get(l.b()));
        }
        drawDots(g, s, pos, replay.animationTime());
        s.nodes().values().forEach(n -> drawNode(g, n, pos.get(n.id()), s.leaderId()));
        if (s.nodes().isEmpty()) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.setFont(font(13));
            g.fillText(emptyText, canvas.getWidth() / 2, canvas.getHeight() / 2);
        }
    }

    private void drawLink(GraphicsContext g, TeachingState s, Link l, Point2D a, Point2D b) {
        g.setLineCap(StrokeLineCap.ROUND);
        if (s.isCut(l.a(), l.b())) {
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(3);
            g.setLineDashes(10, 8);
            Point2D mid = a.midpoint(b);
            Point2D dir = b.subtract(a).normalize().multiply(14);
            g.strokeLine(a.getX(), a.getY(), mid.getX() - dir.getX(), mid.getY() - dir.getY());
            g.strokeLine(mid.getX() + dir.getX(), mid.getY() + dir.getY(), b.getX(), b.getY());
            g.setLineDashes();
            g.setFill(Color.web("#d62728"));
            g.setFont(bold(15));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("\u2716", mid.getX(), mid.getY());
            return;
        }
        boolean leaderLink = l.a() == s.leaderId() || l.b() == s.leaderId();
        boolean dead = s.node(l.a()).map(n -> !n.alive()).orElse(true) || s.node(l.b()).map(n -> !n.alive()).orElse(true);
        g.setStroke(dead ? Color.web("#d0d0d0") : leaderLink ? Color.web("#6b7a90") : Color.web("#b8c2d0"));
        g.setLineWidth(leaderLink ? 3 : 1.8);
        g.setLineDashes(dead ? new double[] {4, 6} : null);
        g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        g.setLineDashes();
    }

    private void drawDots(GraphicsContext g, TeachingState s, Map<Long, Point2D> pos, long now) {
        dots.clear();
        assignParkingSlots(s);
        double pulse = 1.5 * Math.sin(System.nanoTime() / 150_000_000.0);
        for (HeldMessage m : s.held().values()) {
            Point2D a = pos.get(m.from());
            Point2D b = pos.get(m.to());
            if (a == null || b == null || a.equals(b)) {
                continue;
            }
            Point2D dir = b.subtract(a).normalize();
            Point2D normal = new Point2D(-dir.getY(), dir.getX()).multiply(LANE_OFFSET);
            double radius = nodeRadius();
            Point2D from = a.add(dir.multiply(radius)).add(normal);
            Point2D to = b.subtract(dir.multiply(radius)).add(normal);
            double p = m.progress(now);
            if (m.parked()) {
                p = parkedProgress(parkingSlots.get(m.key()));
            }
            Point2D at = from.add(to.subtract(from).multiply(p));
            double r = m.parked() ? DOT_RADIUS + pulse : DOT_RADIUS;
            g.setFill(color(m.kind()));
            g.fillOval(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(at.getX() - r, at.getY() - r, 2 * r, 2 * r);
            g.setFill(Color.web("#1a202c"));
            g.setFont(bold(10));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            // neighbouring parked dots are ~12% of a link apart, closer than a label is wide on a
            // horizontal link: odd slots put their label one text row further out, on the same side
            // (the other side belongs to the reverse lane's labels)
            boolean outerRow = m.parked() && parkingSlots.getOrDefault(m.key(), 0) % 2 == 1;
            Point2D label = at.add(normal.normalize().multiply(DOT_RADIUS + 4 + (outerRow ? 12 * scale() : 0)));
            double labelWidth = 6 * scale() * m.kind().length();
            g.fillText(m.kind(), label.getX() + (normal.getX() < 0 ? -labelWidth : 0), label.getY());
            dots.add(new Dot(m.key(), at.getX(), at.getY()));
        }
    }

    private void assignParkingSlots(TeachingState s) {
        parkingSlots.keySet().removeIf(k -> {
            HeldMessage m = s.held().get(k);
            return m == null || !m.parked();
        });
        Map<String, java.util.Set<Integer>> taken = new HashMap<>();
        for (HeldMessage m : s.held().values()) {
            Integer slot = parkingSlots.get(m.key());
            if (slot != null) {
                taken.computeIfAbsent(lane(m), k -> new java.util.HashSet<>()).add(slot);
            }
        }
        for (HeldMessage m : s.held().values()) {
            if (m.parked() && !parkingSlots.containsKey(m.key())) {
                java.util.Set<Integer> used = taken.computeIfAbsent(lane(m), k -> new java.util.HashSet<>());
                int slot = 0;
                while (used.contains(slot)) {
                    slot++;
                }
                used.add(slot);
                parkingSlots.put(m.key(), slot);
            }
        }
    }

    private static String lane(HeldMessage m) {
        return m.from() + ">" + m.to();
    }

    /** Beyond the last distinct slot, dots stack on the outermost ones (the newest drawn on top). */
    private static double parkedProgress(int slot) {
        return PARKING[Math.min(slot, PARKING.length - 1)];
    }

    /** The colour of a message kind: election, broadcast, sync and heartbeat traffic differ. */
    static Color color(String kind) {
        return switch (kind) {
            case "VOTE" -> Color.web("#9467bd");
            case "PROPOSAL" -> Color.web("#1f77b4");
            case "ACK" -> Color.web("#2ca02c");
            case "COMMIT", "INFORM" -> Color.web("#ff7f0e");
            case "PING" -> Color.web("#8c8c8c");
            case "REQUEST" -> Color.web("#8c564b");
            default -> Color.web("#17becf");
        };
    }

    private void drawNode(GraphicsContext g, NodeState n, Point2D c, long leaderId) {
        double r = nodeRadius();
        double k = scale();
        Role role = n.role();
        Color fill = !n.alive() ? Color.web("#d0d0d0") : switch (role) {
            case LEADER -> Color.web("#f6c343");
            case FOLLOWER -> Color.web("#8fb8e8");
            case OBSERVER -> Color.web("#c5a8e0");
            case LOOKING -> Color.web("#f4a261");
            default -> Color.web("#e0e0e0");
        };
        g.setFill(fill);
        g.fillOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setStroke(n.paused() && n.alive() ? Color.web("#c53030") : Color.web("#4a5568"));
        g.setLineWidth(n.paused() && n.alive() ? 3 : 1.5);
        g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        g.setFill(n.alive() ? Color.web("#1a202c") : Color.web("#7a7a7a"));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(bold(20));
        g.fillText((n.id() == leaderId && n.alive() ? "\u265B " : "") + n.id(), c.getX(), c.getY() - 10 * k);
        g.setFont(font(11));
        g.fillText(n.alive() ? role.name().toLowerCase(Locale.ROOT) : "down", c.getX(), c.getY() + 10 * k);
        if (n.paused() && n.alive()) {
            g.fillText("paused", c.getX(), c.getY() + 24 * k);
        } else if (n.slowFactor() > 1) {
            g.fillText("\u00d7" + n.slowFactor() + " slower", c.getX(), c.getY() + 24 * k);
        }
        double below = c.getY() + r + 16 * k;
        g.fillText("epoch " + (n.epoch() < 0 ? "-" : n.epoch()) + "  zxid " + n.lastZxidHex(), c.getX(), below);
        if (role == Role.LOOKING && n.vote() != null) {
            g.setFont(bold(11));
            g.fillText("votes for " + n.vote().leaderId(), c.getX(), below + 14 * k);
        }
    }

    private static double distanceToSegment(double x, double y, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double len2 = ab.dotProduct(ab);
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, new Point2D(x, y).subtract(a).dotProduct(ab) / len2));
        return a.add(ab.multiply(t)).distance(x, y);
    }
}
