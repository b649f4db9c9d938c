package org.quorumlab.gui.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.gui.service.Paths;
import org.quorumlab.gui.service.ZkSession;

/**
 * The lazy ZNode tree. Children of a node are fetched (with a children watch) only when it is
 * expanded; Stats are fetched in pipelined batches only for nodes that are shown. A fired children
 * watch refetches that level and merges the difference, so nodes appear and disappear live.
 */
public final class TreeViewModel {

    /** Children shown per page under a node; the placeholder row shows the next page. */
    public static final int PAGE = 1_000;
    /** Stats fetched eagerly after an expand; the rest come on demand as cells show them. */
    static final int EAGER_STATS = 200;
    /** Above this many siblings, sorting by a Stat field is refused (would fetch every Stat). */
    static final int MAX_STAT_SORT = 20_000;
    static final int MAX_SEARCH_VISITS = 50_000;
    static final int MAX_SEARCH_RESULTS = 500;

    private final ZkSession session;
    private final TaskExecutor executor;
    private final ZNodeModel root = new ZNodeModel("/", null);
    private final ObjectProperty<ZNodeModel> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<SortKey> sortKey = new SimpleObjectProperty<>(SortKey.NAME);
    private final StringProperty pathFilter = new SimpleStringProperty("");
    private final StringProperty contentFilter = new SimpleStringProperty("");
    private final ObservableList<String> searchResults = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final Set<String> expanded = ConcurrentHashMap.newKeySet();
    private final Set<ZNodeModel> pendingStats = new LinkedHashSet<>();
    private boolean statFetchScheduled;

    /** Tree over {@code session}; call {@link #expand(ZNodeModel)} on the root to start. */
    public TreeViewModel(ZkSession session, TaskExecutor executor) {
        this.session = session;
        this.executor = executor;
        sortKey.addListener((o, a, b) -> resortAll(root));
        session.addStateListener(s -> {
            if (s == ZkSession.State.CONNECTED && !expanded.isEmpty()) {
                executor.onUi(this::refreshExpanded);
            }
        });
    }

    public ZNodeModel root() { return root; }
    public ObjectProperty<ZNodeModel> selectedProperty() { return selected; }
    public ObjectProperty<SortKey> sortKeyProperty() { return sortKey; }
    public StringProperty pathFilterProperty() { return pathFilter; }
    public StringProperty contentFilterProperty() { return contentFilter; }
    public ObservableList<String> searchResults() { return searchResults; }
    public StringProperty statusProperty() { return status; }

    /** Loads the root's Stat and first level. */
    public void start() {
        requestStat(root);
        expand(root);
    }

    /**
     * Fetches (or refetches) the children of {@code node} with a children watch. The listing and the
     * models of its nodes are built and sorted in the background; the UI thread only swaps them in.
     */
    public void expand(ZNodeModel node) {
        expanded.add(node.path());
        node.loadingProperty().set(true);
        long t0 = System.nanoTime();
        SortKey order = sortKey.get();
        executor.run(() -> listing(node, order), listing -> {
            merge(node, listing);
            node.loadingProperty().set(false);
            node.childrenLoadedProperty().set(true);
            status.set(node.path() + ": " + listing.names().size() + " children in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
        }, e -> {
            node.loadingProperty().set(false);
            if (e instanceof KeeperException.NoNodeException) {
                expanded.remove(node.path());
            } else {
                status.set("could not list " + node.path() + ": " + e.getMessage());
            }
        });
    }

    /**
     * The children of a node as fetched: their names, and fresh models for all of them sorted by
     * {@code order} (models of nodes already shown are kept by {@link #merge}).
     */
    private record Listing(List<String> names, List<ZNodeModel> models, SortKey order) {
    }

    private Listing listing(ZNodeModel node, SortKey order) throws KeeperException, InterruptedException {
        List<String> names = fetchChildren(node.path());
        return new Listing(names, models(node, names, order), order);
    }

    private static List<ZNodeModel> models(ZNodeModel node, List<String> names, SortKey order) {
        List<ZNodeModel> models = new ArrayList<>(names.size());
        for (String name : names) {
            models.add(new ZNodeModel(Paths.child(node.path(), name), node));
        }
        if (order != SortKey.NAME) {
            models.sort(order.comparator());
        }
        return models;
    }

    /** Shows the next page of {@code node}'s children (the placeholder row was chosen). */
    public void showMore(ZNodeModel node) {
        int limit = node.pageLimitProperty().get();
        if (limit < node.children().size()) {
            node.pageLimitProperty().set(limit + PAGE);
        }
    }

    /** Text of the placeholder row under {@code node}: how many children are hidden, what a click shows. */
    public String moreText(ZNodeModel node) {
        int hidden = node.hiddenChildren();
        return String.format(java.util.Locale.ROOT, "… %,d more — click to show the next %,d", hidden,
                Math.min(hidden, PAGE));
    }

    /** Stops live-updating {@code node}'s children (its watch simply lapses). */
    public void collapse(ZNodeModel node) {
        expanded.remove(node.path());
    }

    private List<String> fetchChildren(String path) throws KeeperException, InterruptedException {
        Watcher w = session.oneShot(path, "children", "tree", event -> {
            if (event.getType() == Watcher.Event.EventType.NodeChildrenChanged && expanded.contains(path)) {
                executor.onUi(() -> {
                    ZNodeModel n = find(path);
                    if (n != null) {
                        expand(n);
                    }
                });
            }
        });
        List<String> names = new ArrayList<>(session.client().getChildren(path, w));
        names.sort(null);
        return names;
    }

    private void merge(ZNodeModel node, Listing listing) {
        if (node.children().isEmpty()) {
            List<ZNodeModel> fresh = listing.models();
            if (listing.order() != sortKey.get()) {
                fresh = new ArrayList<>(fresh);
                fresh.sort(sortKey.get().comparator());
            }
            node.children().setAll(fresh);
        } else {
            Set<String> wanted = new HashSet<>(listing.names());
            node.children().removeIf(c -> !wanted.contains(c.name()));
            Set<String> existing = new HashSet<>();
            node.children().forEach(c -> existing.add(c.name()));
            List<ZNodeModel> added = new ArrayList<>();
            for (ZNodeModel m : listing.models()) {
                if (!existing.contains(m.name())) {
                    added.add(m);
                }
            }
            if (!added.isEmpty()) {
                List<ZNodeModel> all = new ArrayList<>(node.children());
                all.addAll(added);
                all.sort(sortKey.get().comparator());
                node.children().setAll(all);
            }
        }
        node.statRequested(false);
        requestStat(node);
        List<ZNodeModel> eager = sortKey.get() == SortKey.NAME || node.children().size() > MAX_STAT_SORT
                ? node.children().subList(0, Math.min(EAGER_STATS, node.children().size()))
                : node.children();
        eager.forEach(this::requestStat);
    }

    /** Asks for {@code node}'s Stat (batched; cells call this when they show a node). */
    public void requestStat(ZNodeModel node) {
        if (node.statRequested() || node.placeholder()) {
            return;
        }
        node.statRequested(true);
        pendingStats.add(node);
        if (!statFetchScheduled) {
            statFetchScheduled = true;
            executor.onUi(this::flushStats);
        }
    }

    /** Refetches the Stat of a node already shown (after an edit). */
    public void refreshStat(String path) {
        ZNodeModel n = find(path);
        if (n != null) {
            n.statRequested(false);
            pendingStats.add(n);
            flushStats();
        }
    }

    private void flushStats() {
        statFetchScheduled = false;
        if (pendingStats.isEmpty()) {
            return;
        }
        List<ZNodeModel> batch = new ArrayList<>(pendingStats);
        pendingStats.clear();
        List<String> paths = batch.stream().map(ZNodeModel::path).toList();
        executor.run(() -> fetchStats(paths), stats -> {
            for (ZNodeModel n : batch) {
                Stat s = stats.get(n.path());
                if (s != null) {
                    n.statProperty().set(s);
                }
            }
            if (sortKey.get() != SortKey.NAME) {
                batch.stream().map(ZNodeModel::parent).filter(p -> p != null).distinct().forEach(this::sortChildren);
            }
        }, e -> status.set("could not read stats: " + e.getMessage()));
    }

    private Map<String, Stat> fetchStats(List<String> paths) throws InterruptedException {
        Map<String, Stat> out = new ConcurrentHashMap<>();
        ZooKeeper zk = session.client();
        if (Thread.currentThread().getName().endsWith("EventThread")) {
            // async callbacks would need this very thread (synchronous executor in tests): ask one by one
            for (String p : paths) {
                try {
                    Stat s = zk.exists(p, false);
                    if (s != null) {
                        out.put(p, s);
                    }
                } catch (KeeperException e) {
                    // skip this one
                }
            }
            return out;
        }
        CountDownLatch done = new CountDownLatch(paths.size());
        for (String p : paths) {
            zk.exists(p, false, (rc, path, ctx, stat) -> {
                if (stat != null) {
                    out.put(path, stat);
                }
                done.countDown();
            }, null);
        }
        done.await(30, TimeUnit.SECONDS);
        return out;
    }

    private void resortAll(ZNodeModel node) {
        if (!node.childrenLoaded()) {
            return;
        }
        if (sortKey.get() != SortKey.NAME) {
            if (node.children().size() > MAX_STAT_SORT) {
                status.set(node.path() + " has too many children to sort by " + sortKey.get() + "; sorted by name");
            } else {
                node.children().forEach(this::requestStat);
            }
        }
        sortChildren(node);
        new ArrayList<>(node.children()).forEach(this::resortAll);
    }

    private void sortChildren(ZNodeModel node) {
        if (sortKey.get() != SortKey.NAME && node.children().size() > MAX_STAT_SORT) {
            return;
        }
        FXCollections.sort(node.children(), sortKey.get().comparator());
    }

    private void refreshExpanded() {
        for (String p : new ArrayList<>(expanded)) {
            ZNodeModel n = find(p);
            if (n != null) {
                expand(n);
            }
        }
    }

    /** The loaded model for {@code path}, or null if that level is not loaded. */
    public ZNodeModel find(String path) {
        if (path.equals("/")) {
            return root;
        }
        ZNodeModel cur = root;
        for (String part : path.substring(1).split("/")) {
            cur = cur.child(part);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /** Loads every ancestor level of {@code path} and selects it. */
    public void reveal(String path) {
        List<String> chain = new ArrayList<>();
        for (String p = path; !p.equals("/"); p = Paths.parent(p)) {
            chain.add(0, Paths.parent(p));
        }
        executor.run(() -> {
            Map<String, List<String>> levels = new HashMap<>();
            for (String p : chain) {
                levels.put(p, fetchChildren(p));
                expanded.add(p);
            }
            return levels;
        }, levels -> {
            for (String p : chain) {
                ZNodeModel n = find(p);
                if (n != null) {
                    merge(n, new Listing(levels.get(p), models(n, levels.get(p), sortKey.get()), sortKey.get()));
                    n.childrenLoadedProperty().set(true);
                }
            }
            ZNodeModel target = find(path);
            for (ZNodeModel m = target; m != null && m.parent() != null; m = m.parent()) {
                if (!m.parent().shownChildren().contains(m)) {
                    m.parent().revealed().add(m);
                }
            }
            selected.set(target);
        }, e -> status.set("cannot show " + path + ": " + e.getMessage()));
    }

    /**
     * Walks the tree from the root in the background and lists paths containing the path filter
     * and whose data contains the content filter (both optional).
     */
    public void search() {
        String pathPart = pathFilter.get().trim();
        String contentPart = contentFilter.get().trim();
        if (pathPart.isEmpty() && contentPart.isEmpty()) {
            searchResults.clear();
            return;
        }
        status.set("searching…");
        executor.run(() -> walk(pathPart, contentPart), results -> {
            searchResults.setAll(results);
            status.set(results.size() + " matches" + (results.size() >= MAX_SEARCH_RESULTS ? " (first "
                    + MAX_SEARCH_RESULTS + ")" : ""));
        }, e -> status.set("search failed: " + e.getMessage()));
    }

    private List<String> walk(String pathPart, String contentPart) throws KeeperException, InterruptedException {
        List<String> results = new ArrayList<>();
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of("/"));
        int visits = 0;
        ZooKeeper zk = session.client();
        while (!queue.isEmpty() && visits++ < MAX_SEARCH_VISITS && results.size() < MAX_SEARCH_RESULTS) {
            String p = queue.poll();
            if (matches(zk, p, pathPart, contentPart)) {
                results.add(p);
            }
            try {
                zk.getChildren(p, false).stream().sorted().forEach(c -> queue.add(Paths.child(p, c)));
            } catch (KeeperException.NoNodeException e) {
                // vanished while walking
            }
        }
        return results;
    }

    private static boolean matches(ZooKeeper zk, String p, String pathPart, String contentPart)
            throws KeeperException, InterruptedException {
        if (!pathPart.isEmpty() && !p.contains(pathPart)) {
            return false;
        }
        if (contentPart.isEmpty()) {
            return !p.equals("/");
        }
        try {
            byte[] d = zk.getData(p, false, null);
            return d != null && new String(d, StandardCharsets.UTF_8).contains(contentPart);
        } catch (KeeperException.NoNodeException | KeeperException.NoAuthException e) {
            return false;
        }
    }
}
