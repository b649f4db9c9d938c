package org.quorumlab.launcher.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.load.balancing.BalancingPolicy;
import org.quorumlab.launcher.load.balancing.ServerStatsView;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Generates ZooKeeper load with the official client: {@link LoadSpec#clients()} sessions, each
 * pinned to one server chosen by the spec's {@link BalancingPolicy}, issuing asynchronous
 * {@code getData} (fraction {@link LoadSpec#readRatio()}) and {@code setData} calls on
 * {@link LoadSpec#keyCount()} znodes under {@link LoadSpec#root()}, paced to
 * {@link LoadSpec#ratePerSecond()} in total by a shared {@link TokenBucket} (0 = each client keeps
 * {@link LoadSpec#maxOutstandingPerClient()} in flight).
 *
 * <p>Usage (CLI, GUI):
 * <pre>{@code
 * LoadGenerator gen = new LoadGenerator(LoadSpec.builder("127.0.0.1:2181,127.0.0.1:2182")
 *         .clients(8).ratePerSecond(2000).readRatio(0.9).duration(Duration.ofSeconds(30)).build());
 * gen.addListener(sample -> Platform.runLater(() -> viewModel.show(sample)));   // every second
 * gen.start();                     // creates the keys, opens the sessions, returns at once
 * ...
 * gen.stop();                      // or wait: gen.awaitCompletion(timeout)
 * LoadSample summary = gen.summary();
 * }</pre>
 *
 * <p>Clients survive server failures: see {@link LoadClient}. Balancing: the policy is applied
 * when a client is assigned or re-assigned; for {@link BalancingPolicy#adaptive() adaptive}
 * policies a fraction {@link LoadSpec#rebalanceFraction()} of the clients is re-assigned every
 * {@link LoadSpec#rebalanceInterval()} (each asks the policy with its own session taken out of the
 * statistics, and moves only if the answer is another server).
 *
 * <p>Threads: one per client, one sampler ({@code load-sampler}) that sends {@link LoadSample}s
 * to listeners and rebalances, and the official client's own threads per session.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);

    private final LoadSpec spec;
    private final Run run;
    private final List<LoadListener> listeners = new CopyOnWriteArrayList<>();
    private final List<LoadClient> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ScheduledExecutorService sampler;
    private volatile Thread samplerThread;
    private long startNanos;
    private long endNanos;
    private Totals lastTotals;
    private int rebalanceCursor;
    private long nextRebalanceNanos;
    private volatile LoadSample latest;
    private volatile LoadSample summary;

    public LoadGenerator(LoadSpec spec) {
        this.spec = spec;
        this.run = new Run(spec);
    }

    public LoadSpec spec() {
        return spec;
    }

    /** Adds a listener for periodic samples and the final summary; may be called before or after start. */
    public void addListener(LoadListener listener) {
        listeners.add(listener);
    }

    public void removeListener(LoadListener listener) {
        listeners.remove(listener);
    }

    /**
     * Creates {@code root} and the keys where absent (through any server of the list), then starts
     * the clients and the sampler and returns. Throws {@link LauncherException} if no server
     * accepts a session within 30 s. Once only.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a LoadGenerator starts once");
        }
        createKeys();
        startNanos = System.nanoTime();
        lastTotals = new Totals(startNanos, 0, 0, 0, LatencyHistogram.Snapshot.empty(), new long[spec.servers().size()]);
        nextRebalanceNanos = startNanos + spec.rebalanceInterval().toNanos();
        for (int i = 0; i < spec.clients(); i++) {
            LoadClient c = new LoadClient(i, run);
            clients.add(c);
            Thread t = new Thread(c, "load-client-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            samplerThread = t;
            return t;
        });
        long period = spec.sampleInterval().toNanos();
        sampler.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        if (spec.duration() != null) {
            sampler.schedule(() -> {
                Thread t = new Thread(this::stop, "load-stopper");
                t.setDaemon(true);
                t.start();
            }, spec.duration().toNanos(), TimeUnit.NANOSECONDS);
        }
        LOG.info("Load started: {} clients on {}, rate {}, read ratio {}, policy {}", spec.clients(), spec.servers(),
                spec.ratePerSecond() == 0 ? "unlimited" : spec.ratePerSecond() + " ops/s", spec.readRatio(),
                spec.policy().name());
    }

    public boolean isRunning() {
        return started.get() && stopped.getCount() > 0;
    }

    /**
     * Stops the clients (each lets its requests in flight finish, up to 2 s), closes the sessions,
     * sends the final summary to the listeners and returns it. Idempotent; concurrent callers wait
     * for the first one.
     */
    public LoadSample stop() {
        if (!started.get()) {
            throw new IllegalStateException("not started");
        }
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly(stopped);
            return summary;
        }
        int[] assigned = clientCounts();
        try {
            run.running.set(false);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
            sampler.shutdownNow();
            if (Thread.currentThread() != samplerThread) {
                sampler.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        endNanos = System.nanoTime();
        summary = sampleSince(new Totals(startNanos, 0, 0, 0, LatencyHistogram.Snapshot.empty(),
                new long[spec.servers().size()]), endNanos, true, assigned);
        stopped.countDown();
        LOG.info("Load stopped after {} ms: {} reads, {} writes, {} errors", summary.elapsedMillis(),
                summary.totalReads(), summary.totalWrites(), summary.totalErrors());
        publish(summary);
        return summary;
    }

    @Override
    public void close() {
        if (started.get()) {
            stop();
        }
    }

    /** Waits until the run ends (duration reached or stopped); true if it did within {@code timeout}. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The most recent periodic sample, or null before the first one. */
    public LoadSample latest() {
        return latest;
    }

    /**
     * The final summary once stopped (the whole run as one interval; clients per server as they
     * were when stop began), else a summary so far.
     */
    public LoadSample summary() {
        LoadSample s = summary;
        if (s != null) {
            return s;
        }
        if (!started.get()) {
            throw new IllegalStateException("not started");
        }
        return sampleSince(new Totals(startNanos, 0, 0, 0, LatencyHistogram.Snapshot.empty(),
                new long[spec.servers().size()]), System.nanoTime(), false, clientCounts());
    }

    /** Failed operations since start by ZooKeeper error code name, e.g. {@code CONNECTIONLOSS=3}. */
    public Map<String, Long> errorsByCode() {
        Map<String, Long> m = new TreeMap<>();
        run.errorsByCode.forEach((code, n) -> m.put(code.name(), n.sum()));
        return m;
    }

    // ------------------------------------------------------------------ sampling

    private void tick() {
        try {
            long now = System.nanoTime();
            LoadSample s = sampleSince(lastTotals, now, false, clientCounts());
            lastTotals = totals(now);
            latest = s;
            publish(s);
            if (spec.policy().adaptive() && spec.rebalanceFraction() > 0 && now >= nextRebalanceNanos) {
                nextRebalanceNanos = now + spec.rebalanceInterval().toNanos();
                rebalance();
            }
        } catch (RuntimeException e) {
            LOG.warn("Load sampler failed: {}", e.toString());
        }
    }

    private void rebalance() {
        int n = (int) Math.ceil(spec.rebalanceFraction() * clients.size());
        int moved = 0;
        for (int k = 0; k < n; k++) {
            LoadClient c = clients.get(rebalanceCursor++ % clients.size());
            String current = c.server();
            if (current == null) {
                continue;
            }
            ServerStatsView view = run.loads.without(current, c.outstanding());
            String target = run.choose(run.loads.reachable(null), view);
            if (!target.equals(current)) {
                c.requestMove(target);
                moved++;
            }
        }
        LOG.debug("Rebalance ({}): {} of {} examined clients move", spec.policy().name(), moved, n);
    }

    private record Totals(long nanos, long reads, long writes, long errors, LatencyHistogram.Snapshot latency,
            long[] perServerOk) {
    }

    private Totals totals(long now) {
        long[] perServer = new long[spec.servers().size()];
        int i = 0;
        for (ServerLoads.Server s : run.loads.all()) {
            perServer[i++] = s.ok.sum();
        }
        return new Totals(now, run.reads.sum(), run.writes.sum(), run.errors.sum(), run.latency.snapshot(), perServer);
    }

    private int[] clientCounts() {
        int[] c = new int[spec.servers().size()];
        int i = 0;
        for (ServerLoads.Server s : run.loads.all()) {
            c[i++] = s.clients.get();
        }
        return c;
    }

    /** Rates over {@code before}..{@code now}; {@code clients}: sessions per server to report. */
    private LoadSample sampleSince(Totals before, long now, boolean last, int[] clients) {
        Totals t = totals(now);
        double seconds = Math.max(1e-3, (now - before.nanos()) / 1e9);
        long allOk = Arrays.stream(t.perServerOk()).sum();
        List<LoadSample.ServerSample> servers = new ArrayList<>();
        int i = 0;
        for (ServerLoads.Server s : run.loads.all()) {
            long ok = t.perServerOk()[i];
            servers.add(new LoadSample.ServerSample(s.address, clients[i],
                    (ok - before.perServerOk()[i]) / seconds, ok, s.errors.sum(), Math.max(0, s.outstanding.get()),
                    s.ewmaMs(), allOk == 0 ? 0 : (double) ok / allOk, s.down));
            i++;
        }
        return new LoadSample(TimeUnit.NANOSECONDS.toMillis(now - startNanos), seconds,
                (t.reads() - before.reads()) / seconds, (t.writes() - before.writes()) / seconds,
                (t.errors() - before.errors()) / seconds, t.reads(), t.writes(), t.errors(),
                t.latency().minus(before.latency()).percentiles(), t.latency().percentiles(), servers, last);
    }

    private void publish(LoadSample s) {
        for (LoadListener l : listeners) {
            try {
                l.onSample(s);
            } catch (RuntimeException e) {
                LOG.warn("Load listener {} failed: {}", l, e.toString());
            }
        }
    }

    // ------------------------------------------------------------------ setup

    private void createKeys() {
        ZooKeeper zk = ZooKeeperClients.connect(String.join(",", spec.servers()), SETUP_TIMEOUT);
        try {
            createIfAbsent(zk, spec.root(), new byte[0]);
            for (String key : run.keys) {
                createIfAbsent(zk, key, run.value);
            }
        } catch (KeeperException e) {
            throw new LauncherException("cannot create the load keys under " + spec.root() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted while creating the load keys", e);
        } finally {
            ZooKeeperClients.closeQuietly(zk);
        }
    }

    private static void createIfAbsent(ZooKeeper zk, String path, byte[] data)
            throws KeeperException, InterruptedException {
        try {
            zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        } catch (KeeperException.NodeExistsException e) {
            // reused from an earlier run
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the clients of one run share. */
    static final class Run {
        private final LoadSpec spec;
        private final ServerLoads loads;
        private final TokenBucket bucket;
        private final List<String> keys;
        private final byte[] value;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final LongAdder reads = new LongAdder();
        private final LongAdder writes = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final Map<KeeperException.Code, LongAdder> errorsByCode = new ConcurrentHashMap<>();
        private final LatencyHistogram latency = new LatencyHistogram();

        Run(LoadSpec spec) {
            this.spec = spec;
            this.loads = new ServerLoads(spec.servers());
            this.bucket = spec.ratePerSecond() > 0
                    ? new TokenBucket(spec.ratePerSecond(), Math.max(1, (int) (spec.ratePerSecond() / 10)))
                    : null;
            List<String> k = new ArrayList<>();
            for (int i = 0; i < spec.keyCount(); i++) {
                k.add(spec.root() + "/key-" + i);
            }
            this.keys = List.copyOf(k);
            byte[] v = new byte[spec.valueSize()];
            byte[] pattern = "quorumlab-load ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < v.length; i++) {
                v[i] = pattern[i % pattern.length];
            }
            this.value = v;
        }

        LoadSpec spec() {
            return spec;
        }

        ServerLoads loads() {
            return loads;
        }

        TokenBucket bucket() {
            return bucket;
        }

        List<String> keys() {
            return keys;
        }

        byte[] value() {
            return value;
        }

        boolean running() {
            return running.get();
        }

        /** The policy's choice among {@code candidates}, never outside them. */
        String choose(List<String> candidates, ServerStatsView view) {
            String s = spec.policy().choose(candidates, view);
            return candidates.contains(s) ? s : candidates.get(0);
        }

        void recorded(boolean read, long micros) {
            (read ? reads : writes).increment();
            latency.recordMicros(micros);
        }

        void failed(KeeperException.Code code) {
            errors.increment();
            errorsByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
        }
    }
}
