package org.quorumlab.gui.cluster;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.NodeSnapshot;
import org.quorumlab.gui.cluster.load.LoadGeneratorViewModel;

/**
 * The cluster tab's ViewModels together, and the {@link ClusterMonitor.Listener} that fans the
 * monitor's events and polls out to them (on the UI thread).
 */
public final class ClusterTabViewModel implements ClusterMonitor.Listener {

    private final ClusterViewModel cluster = new ClusterViewModel();
    private final TimelineViewModel timeline = new TimelineViewModel();
    private final ChartsViewModel charts = new ChartsViewModel();
    private final EventLogViewModel log;
    private final ClusterActionsViewModel actions;
    private final LoadGeneratorViewModel load;

    public ClusterTabViewModel(EventLogViewModel log, ClusterActionsViewModel actions, LoadGeneratorViewModel load) {
        this.log = log;
        this.actions = actions;
        this.load = load;
    }

    public ClusterViewModel cluster() {
        return cluster;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public ChartsViewModel charts() {
        return charts;
    }

    public EventLogViewModel log() {
        return log;
    }

    public ClusterActionsViewModel actions() {
        return actions;
    }

    public LoadGeneratorViewModel load() {
        return load;
    }

    @Override
    public void onEvents(List<ClusterEvent> batch) {
        for (ClusterEvent e : batch) {
            cluster.accept(e);
            timeline.accept(e);
            charts.accept(e);
        }
        log.addAll(batch);
    }

    @Override
    public void onPoll(List<NodeSnapshot> snapshots, Set<Long> down, Set<Long> members) {
        Set<Long> answered = new TreeSet<>();
        for (NodeSnapshot s : snapshots) {
            cluster.applySnapshot(s);
            charts.setZnodeCount(s.id(), s.znodeCount());
            answered.add(s.id());
        }
        down.forEach(cluster::markDown);
        if (!snapshots.isEmpty()) {
            for (NodeModel n : List.copyOf(cluster.nodes())) {
                if (!answered.contains(n.id()) && n.isAlive()) {
                    cluster.markDown(n.id());
                }
            }
            cluster.retain(members);
        }
        Set<Long> notAnswering = new TreeSet<>(down);
        cluster.nodes().stream().filter(n -> !n.isAlive()).forEach(n -> notAnswering.add(n.id()));
        timeline.nodesDown(notAnswering);
        load.refresh();
    }
}
