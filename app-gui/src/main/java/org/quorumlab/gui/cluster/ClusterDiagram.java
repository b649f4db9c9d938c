package org.quorumlab.gui.cluster;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws the ensemble from a {@link ClusterViewModel}: nodes on a circle (role, epoch, zxid,
 * connections, load gauge), leader-to-learner links (dashed red when cut), moving dots for
 * proposals/acks/commits, dead nodes greyed. Resizes with its parent. Clicking selects a node.
 */
public final class ClusterDiagram extends Pane {

    private static final double NODE_RADIUS = RingLayout.NODE_RADIUS;
    private static final long PULSE_NANOS = 450_000_000L;
    private static final long FRAME_NANOS = 33_000_000L;
    private static final int MAX_PULSES = 300;

    private final ClusterViewModel vm;
    private final Canvas canvas = new Canvas();
    private final List<ActivePulse> pulses = new ArrayList<>();
    private BiConsumer<NodeModel, Point2D> onContextMenu = (n, p) -> { };
    private boolean dirty = true;
    private long lastFrame;

    private record ActivePulse(LinkPulse pulse, long start) {
    }

    public ClusterDiagram(ClusterViewModel vm) {
        this.vm = vm;
        getStyleClass().add("cluster-diagram");
        getChildren().add(canvas);
        setMinSize(300, 260);
        setPrefSize(640, 480);
        vm.revisionProperty().addListener((o, a, b) -> dirty = true);
        vm.selectedProperty().addListener((o, a, b) -> dirty = true);
        vm.addPulseListener(p -> {
            if (pulses.size() < MAX_PULSES) {
                pulses.add(new ActivePulse(p, System.nanoTime()));
            }
        });
        canvas.setOnMouseClicked(e -> {
            NodeModel hit = hit(e.getX(), e.getY());
            vm.selectedProperty().set(hit);
            if (hit != null && e.getButton() == MouseButton.SECONDARY) {
                onContextMenu.accept(hit, new Point2D(e.getScreenX(), e.getScreenY()));
            }
        });
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (now - lastFrame >= FRAME_NANOS && (dirty || !pulses.isEmpty())) {
                    lastFrame = now;
                    draw(now);
                }
            }
        }.start();
    }

    /** Called with the node and screen position on a right click. */
    public void setOnNodeContextMenu(BiConsumer<NodeModel, Point2D> handler) {
        this.onContextMenu = handler;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        dirty = true;
        draw(System.nanoTime());
    }

    /** Center of node {@code i} of {@code n}. */
    private Point2D position(int i, int n) {
        return RingLayout.position(i, n, canvas.getWidth(), canvas.getHeight());
    }

    private Point2D position(long id) {
        List<NodeModel> ns = vm.nodes();
        for (int i = 0; i < ns.size(); i++) {
            if (ns.get(i).id() == id) {
                return position(i, ns.size());
            }
        }
        return null;
    }

    private NodeModel hit(double x, double y) {
        List<NodeModel> ns = vm.nodes();
        for (int i = 0; i < ns.size(); i++) {
            if (position(i, ns.size()).distance(x, y) <= NODE_RADIUS + 6) {
                return ns.get(i);
            }
        }
        return null;
    }

    private void draw(long now) {
        dirty = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f7f8fa"));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        drawLinks(g);
        drawPulses(g, now);
        List<NodeModel> ns = vm.nodes();
        for (int i = 0; i < ns.size(); i++) {
            drawNode(g, ns.get(i), position(i, ns.size()));
        }
        if (ns.isEmpty()) {
            g.setFill(Color.GRAY);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("waiting for the admin API of the ensemble...", canvas.getWidth() / 2, canvas.getHeight() / 2);
        }
    }

    private void drawLinks(GraphicsContext g) {
        for (Link l : vm.links()) {
            Point2D a = position(l.a());
            Point2D b = position(l.b());
            if (a == null || b == null) {
                continue;
            }
            boolean cut = vm.isCut(l.a(), l.b());
            boolean dead = vm.find(l.a()).map(n -> !n.isAlive()).orElse(true)
                    || vm.find(l.b()).map(n -> !n.isAlive()).orElse(true);
            g.setLineCap(StrokeLineCap.ROUND);
            if (cut) {
                g.setStroke(Color.web("#d62728"));
                g.setLineWidth(3);
                g.setLineDashes(10, 8);
                Point2D mid = a.midpoint(b);
                Point2D dir = b.subtract(a).normalize().multiply(12);
                g.strokeLine(a.getX(), a.getY(), mid.getX() - dir.getX(), mid.getY() - dir.getY());
                g.strokeLine(mid.getX() + dir.getX(), mid.getY() + dir.getY(), b.getX(), b.getY());
                g.setLineDashes();
                g.setFill(Color.web("#d62728"));
                g.setFont(Font.font(null, FontWeight.BOLD, 14));
                g.setTextAlign(TextAlignment.CENTER);
                g.setTextBaseline(VPos.CENTER);
                g.fillText("\u2716", mid.getX(), mid.getY());
            } else {
                g.setStroke(dead ? Color.web("#c8c8c8") : Color.web("#7a8799"));
                g.setLineWidth(dead ? 1.5 : 2.5);
                g.setLineDashes(dead ? new double[] {4, 6} : null);
                g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
                g.setLineDashes();
            }
        }
    }

    private void drawPulses(GraphicsContext g, long now) {
        for (Iterator<ActivePulse> it = pulses.iterator(); it.hasNext();) {
            ActivePulse p = it.next();
            double t = (now - p.start()) / (double) PULSE_NANOS;
            Point2D a = position(p.pulse().from());
            Point2D b = position(p.pulse().to());
            if (t >= 1 || a == null || b == null) {
                it.remove();
                continue;
            }
            Point2D at = a.add(b.subtract(a).multiply(Math.max(0, t)));
            g.setFill(switch (p.pulse().kind()) {
                case PROPOSAL -> Color.web("#1f77b4");
                case ACK -> Color.web("#2ca02c");
                case COMMIT -> Color.web("#ff7f0e");
            });
            g.fillOval(at.getX() - 5, at.getY() - 5, 10, 10);
        }
    }

    private void drawNode(GraphicsContext g, NodeModel n, Point2D c) {
        boolean alive = n.isAlive();
        Role role = n.role();
        Color fill = !alive ? Color.web("#d0d0d0") : switch (role) {
            case LEADER -> Color.web("#f6c343");
            case FOLLOWER -> Color.web("#8fb8e8");
            case OBSERVER -> Color.web("#c5a8e0");
            case LOOKING -> Color.web("#f4a261");
            default -> Color.web("#e0e0e0");
        };
        double r = NODE_RADIUS;
        drawGauge(g, n, c, r + 7, alive);
        g.setFill(fill);
        g.fillOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);
        boolean selected = vm.selectedProperty().get() == n;
        g.setStroke(selected ? Color.web("#1a1a1a") : alive ? Color.web("#4a5568") : Color.web("#9a9a9a"));
        g.setLineWidth(selected ? 3.5 : 1.5);
        g.strokeOval(c.getX() - r, c.getY() - r, 2 * r, 2 * r);

        Color text = alive ? Color.web("#1a202c") : Color.web("#7a7a7a");
        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFont(Font.font(null, FontWeight.BOLD, 20));
        g.fillText((role == Role.LEADER && alive ? "\u265B " : "") + n.id(), c.getX(), c.getY() - 10);
        g.setFont(Font.font(11));
        g.fillText(alive ? role.name().toLowerCase(java.util.Locale.ROOT) : "down", c.getX(), c.getY() + 10);
        g.setFont(Font.font(null, n.observerProperty().get() ? FontWeight.BOLD : FontWeight.NORMAL, 10));
        if (n.observerProperty().get()) {
            g.fillText("(observer)", c.getX(), c.getY() + 23);
        }
        g.setFont(Font.font(11));
        double below = c.getY() + r + 18;
        g.fillText("epoch " + (n.epochProperty().get() < 0 ? "-" : n.epochProperty().get()) + "  zxid "
                + n.lastZxidHex(), c.getX(), below);
        g.fillText(n.connectionsProperty().get() + " conns  " + Math.round(n.opsPerSecProperty().get()) + " ops/s",
                c.getX(), below + 14);
    }

    /** An arc around the node: full circle at 10,000 ops/s (log scale). */
    private static void drawGauge(GraphicsContext g, NodeModel n, Point2D c, double r, boolean alive) {
        g.setLineWidth(5);
        g.setStroke(Color.web("#e6e9ee"));
        g.strokeArc(c.getX() - r, c.getY() - r, 2 * r, 2 * r, 90, -360, ArcType.OPEN);
        double ops = alive ? n.opsPerSecProperty().get() : 0;
        double share = ops <= 0 ? 0 : Math.min(1, Math.log10(1 + ops) / 4);
        if (share > 0) {
            g.setStroke(share < 0.6 ? Color.web("#38a169") : share < 0.85 ? Color.web("#dd6b20") : Color.web("#e53e3e"));
            g.strokeArc(c.getX() - r, c.getY() - r, 2 * r, 2 * r, 90, -360 * share, ArcType.OPEN);
        }
    }
}
