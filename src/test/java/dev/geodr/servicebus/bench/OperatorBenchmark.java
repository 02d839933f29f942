package dev.geodr.servicebus.bench;

import dev.geodr.servicebus.api.v1alpha1.FailoverMode;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.pairing.PlannerSettings;
import dev.geodr.servicebus.simulator.SimulatorClient;
import dev.geodr.servicebus.simulator.SimulatorConfig;
import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code make bench}: the operator as its own JVM process (the Helm chart's JVM settings and memory
 * limit) on the local control plane, against an in-process ARM simulator with ARM's documented
 * throttling, at a chosen time scale. It creates N pairings over S subscriptions, waits until all
 * are Ready, measures a steady window, bump-to-POST latency, and a mass Forced failover of one
 * subscription with its primaries unreachable; then prints every figure as {@code BENCH} lines (and
 * writes them to {@code target/bench/report.txt}). See docs/benchmarks.md.
 *
 * <p>Arguments, all {@code key=value}: {@code pairings} (1000), {@code subscriptions} (10), {@code
 * timeScale} (1: real time; 0.1 makes ARM's 90 s pairing take 9 s, and the operator's polls are
 * scaled alike), {@code steadySeconds} (300), {@code bumps} (50), {@code massFailover} (100),
 * {@code jvm} (extra JVM options for the operator).
 */
public final class OperatorBenchmark {

    private static final String RG = "bench";
    private static final Duration PAIR_TIME = Duration.ofSeconds(90);

    private final Map<String, String> args;
    private final int pairings;
    private final int subscriptions;
    private final double timeScale;
    private final Report report = new Report();
    private final Map<String, Instant> created = new ConcurrentHashMap<>();
    private final Map<String, Instant> ready = new ConcurrentHashMap<>();
    private final Map<String, Instant> failedOver = new ConcurrentHashMap<>();
    private final Path work = Path.of("target/bench");
    private final String namespace = "bench-" + (System.currentTimeMillis() / 1000);

    private OperatorBenchmark(Map<String, String> args) {
        this.args = args;
        this.pairings = Integer.parseInt(args.getOrDefault("pairings", "1000"));
        this.subscriptions = Integer.parseInt(args.getOrDefault("subscriptions", "10"));
        this.timeScale = Double.parseDouble(args.getOrDefault("timeScale", "1"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, got " + a);
            }
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new OperatorBenchmark(args).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        report.line(
                "machine",
                "cpus="
                        + Runtime.getRuntime().availableProcessors()
                        + " operatorJvm="
                        + OperatorProcess.imageJvmArguments());
        report.line("loadavg.start", loadAverage());
        report.line(
                "setup",
                "pairings="
                        + pairings
                        + " subscriptions="
                        + subscriptions
                        + " timeScale="
                        + timeScale
                        + " armThrottle=ARM defaults (reads 250 @25/s, writes 200 @10/s per subscription)");
        try (SimulatorClient sim = startSimulator();
                KubernetesClient kube = new KubernetesClientBuilder().build()) {
            kube.namespaces()
                    .resource(
                            new NamespaceBuilder()
                                    .withNewMetadata()
                                    .withName(namespace)
                                    .endMetadata()
                                    .build())
                    .create();
            seedNamespaces(sim);
            OperatorProcess operator = OperatorProcess.start(work, sim, namespace, timeScale, args);
            try {
                report.line(
                        "start",
                        String.format(
                                Locale.ROOT,
                                "processStartToReadySeconds=%.2f quarkusStartedInSeconds=%s",
                                operator.startToReadySeconds(),
                                operator.quarkusStartedIn()));
                Thread.sleep(10_000);
                report.line("idle", operator.footprint());
                try (SharedIndexInformer<ServiceBusGeoPairing> informer = watch(kube)) {
                    createPhase(kube, sim, operator);
                    steadyPhase(sim, operator);
                    bumpPhase(kube, sim);
                    massFailoverPhase(kube, sim, operator);
                }
                report.line("end", operator.footprint());
            } finally {
                operator.stop();
                cleanUp(kube);
            }
        }
        report.line("loadavg.end", loadAverage());
        report.write(work.resolve("report.txt"));
    }

    private SimulatorClient startSimulator() {
        return SimulatorClient.start(
                SimulatorConfig.builder()
                        .port(0)
                        .timeScale(timeScale)
                        .throttle(ThrottleLimits.ARM_DEFAULTS)
                        .callLogCapacity(2_000_000)
                        .certificateDir(work.resolve("simulator").toAbsolutePath()));
    }

    static String subscription(int index) {
        return String.format(Locale.ROOT, "b0000000-0000-0000-0000-%012d", index);
    }

    private String subscriptionOf(int pairing) {
        return subscription(pairing % subscriptions);
    }

    private void seedNamespaces(SimulatorClient sim) {
        String body = "{\"location\":\"westeurope\",\"sku\":\"Premium\",\"entities\":0}";
        for (int i = 0; i < pairings; i++) {
            sim.putNamespace(subscriptionOf(i), RG, "p" + i + "-weu", body);
            sim.putNamespace(subscriptionOf(i), RG, "p" + i + "-neu", body);
        }
    }

    private SharedIndexInformer<ServiceBusGeoPairing> watch(KubernetesClient kube) {
        return kube.resources(ServiceBusGeoPairing.class)
                .inNamespace(namespace)
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(ServiceBusGeoPairing cr) {
                                seen(cr);
                            }

                            @Override
                            public void onUpdate(
                                    ServiceBusGeoPairing old, ServiceBusGeoPairing cr) {
                                seen(cr);
                            }

                            @Override
                            public void onDelete(ServiceBusGeoPairing cr, boolean unknown) {}
                        });
    }

    private void seen(ServiceBusGeoPairing cr) {
        Instant now = Instant.now();
        String name = cr.getMetadata().getName();
        if (cr.getStatus() == null) {
            return;
        }
        boolean isReady =
                cr.getStatus().getConditions() != null
                        && cr.getStatus().getConditions().stream()
                                .anyMatch(
                                        c ->
                                                "Ready".equals(c.getType())
                                                        && "True".equals(c.getStatus()));
        if (isReady) {
            ready.putIfAbsent(name, now);
        }
        var failover = cr.getStatus().getFailover();
        if (failover != null
                && failover.getLast() != null
                && failover.getLast().getRequest() != null
                && failover.getLast().getRequest() > 0) {
            failedOver.putIfAbsent(name, now);
        }
    }

    private ServiceBusGeoPairing pairing(int i) {
        String sub = subscriptionOf(i);
        ServiceBusGeoPairing cr = new ServiceBusGeoPairing();
        cr.setMetadata(new ObjectMetaBuilder().withName("p" + i).withNamespace(namespace).build());
        ServiceBusGeoPairingSpec spec = new ServiceBusGeoPairingSpec();
        spec.setAlias("p" + i);
        spec.setPrimaryNamespace(SimulatorClient.nsId(sub, RG, "p" + i + "-weu"));
        spec.setPartnerNamespace(SimulatorClient.nsId(sub, RG, "p" + i + "-neu"));
        cr.setSpec(spec);
        return cr;
    }

    private void createPhase(KubernetesClient kube, SimulatorClient sim, OperatorProcess operator)
            throws Exception {
        Instant start = Instant.now();
        long cpuBefore = operator.cpuTicks();
        double refusalsBefore = operator.clientRefusals();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < pairings; i++) {
            int n = i;
            pool.submit(
                    () -> {
                        ServiceBusGeoPairing cr = pairing(n);
                        created.put(cr.getMetadata().getName(), Instant.now());
                        kube.resource(cr).create();
                    });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        Instant allCreated = Instant.now();
        awaitAll("Ready", ready, name -> true, Duration.ofMinutes(30));
        Instant allReady = ready.values().stream().max(Instant::compareTo).orElseThrow();
        Thread.sleep(2_000);

        List<SimulatorClient.Call> calls = sim.calls();
        Map<String, Instant> put = firstCall(calls, "put", "/disasterrecoveryconfigs/");
        List<Double> createToPut = new ArrayList<>();
        List<Double> createToReady = new ArrayList<>();
        List<Double> succeededToReady = new ArrayList<>();
        Duration pairReal = Duration.ofMillis(Math.round(PAIR_TIME.toMillis() * timeScale));
        for (String name : created.keySet()) {
            Instant c = created.get(name);
            createToReady.add(seconds(c, ready.get(name)));
            Instant p = put.get(name);
            if (p != null) {
                createToPut.add(seconds(c, p));
                succeededToReady.add(seconds(p.plus(pairReal), ready.get(name)));
            }
        }
        long reads =
                calls.stream()
                        .filter(x -> x.method().equals("GET") && !x.wallTime().isAfter(allReady))
                        .count();
        long armThrottled = calls.stream().filter(x -> x.status() == 429).count();
        long puts = put.size();
        report.line(
                "create",
                String.format(
                        Locale.ROOT,
                        "createSeconds=%.1f allReadySeconds=%.1f allReadyMinusPairTime=%.1f"
                                + " createToPut p50=%.1f p99=%.1f createToReady p50=%.1f p99=%.1f"
                                + " succeededToReady p50=%.1f p99=%.1f max=%.1f",
                        seconds(start, allCreated),
                        seconds(start, allReady),
                        seconds(start, allReady) - pairReal.toMillis() / 1000.0,
                        percentile(createToPut, 50),
                        percentile(createToPut, 99),
                        percentile(createToReady, 50),
                        percentile(createToReady, 99),
                        percentile(succeededToReady, 50),
                        percentile(succeededToReady, 99),
                        percentile(succeededToReady, 100)));
        report.line(
                "create.arm",
                String.format(
                        Locale.ROOT,
                        "readsPerPairing=%.2f puts=%d arm429=%d clientRefusals=%.0f cpuSeconds=%.1f",
                        reads / (double) pairings,
                        puts,
                        armThrottled,
                        operator.clientRefusals() - refusalsBefore,
                        (operator.cpuTicks() - cpuBefore) / 100.0));
        report.line("create.reads", readsByOperation(calls, allReady, pairings));
        writeCallLog(calls, work.resolve("create-calls.tsv"));
        report.line("create.footprint", operator.footprint());
    }

    /** The create phase's ARM calls, one per line, for working out where reads went. */
    private static void writeCallLog(List<SimulatorClient.Call> calls, Path file)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seq\twallTime\tmethod\toperation\tstatus\tpath");
        for (SimulatorClient.Call c : calls) {
            lines.add(
                    String.join(
                            "\t",
                            Long.toString(c.seq()),
                            c.wallTime().toString(),
                            c.method(),
                            c.operation(),
                            Integer.toString(c.status()),
                            c.path()));
        }
        Files.write(file, lines);
    }

    /** Where the reads until all were Ready went, per pairing: which call, how many. */
    private static String readsByOperation(
            List<SimulatorClient.Call> calls, Instant until, int pairings) {
        Map<String, Long> byOperation = new TreeMap<>();
        for (SimulatorClient.Call c : calls) {
            if (c.method().equals("GET") && !c.wallTime().isAfter(until)) {
                byOperation.merge(c.operation(), 1L, Long::sum);
            }
        }
        StringBuilder line = new StringBuilder("perPairing");
        byOperation.forEach(
                (operation, n) ->
                        line.append(
                                String.format(
                                        Locale.ROOT,
                                        " %s=%.2f",
                                        operation,
                                        n / (double) pairings)));
        return line.toString();
    }

    private void steadyPhase(SimulatorClient sim, OperatorProcess operator) throws Exception {
        long seconds = Long.parseLong(args.getOrDefault("steadySeconds", "300"));
        long readsBefore = sim.calls().stream().filter(c -> c.method().equals("GET")).count();
        long writesBefore = sim.calls().stream().filter(c -> !c.method().equals("GET")).count();
        long cpuBefore = operator.cpuTicks();
        Instant start = Instant.now();
        // a measurement window, not a wait for something to happen
        Thread.sleep(seconds * 1000);
        double minutes = seconds(start, Instant.now()) / 60;
        List<SimulatorClient.Call> calls = sim.calls();
        long reads = calls.stream().filter(c -> c.method().equals("GET")).count() - readsBefore;
        long writes = calls.stream().filter(c -> !c.method().equals("GET")).count() - writesBefore;
        // per minute of ARM time: the operator's polls are scaled with the simulator's clock
        double readsPerPairingPerMinute = reads / (pairings * minutes) * timeScale;
        double perSubscriptionPerSecond = reads / (subscriptions * minutes * 60) * timeScale;
        report.line(
                "steady",
                String.format(
                        Locale.ROOT,
                        "minutes=%.1f readsPerPairingPerArmMinute=%.2f writes=%d"
                                + " shareOfSubscriptionReadRefill=%.1f%% cpuSecondsPerMinute=%.2f",
                        minutes,
                        readsPerPairingPerMinute,
                        writes,
                        100 * perSubscriptionPerSecond / 25,
                        (operator.cpuTicks() - cpuBefore) / 100.0 / minutes));
        report.line("steady.footprint", operator.footprint());
    }

    /** Safe bumps one at a time on steady pairings of subscription 1: bump to failover POST. */
    private void bumpPhase(KubernetesClient kube, SimulatorClient sim) throws Exception {
        int bumps = Math.min(Integer.parseInt(args.getOrDefault("bumps", "50")), inSubscription(1));
        if (bumps == 0) {
            return;
        }
        Map<String, Instant> bumped = new LinkedHashMap<>();
        for (int k = 0; k < bumps; k++) {
            String name = "p" + (1 + k * subscriptions);
            Instant at = Instant.now();
            bump(kube, name, FailoverMode.Safe);
            bumped.put(name, at);
            Thread.sleep(300);
        }
        Map<String, Instant> posts = awaitPosts(sim, bumped.keySet(), Duration.ofMinutes(2));
        List<Double> latencies = new ArrayList<>();
        bumped.forEach((name, at) -> latencies.add(seconds(at, posts.get(name)) * 1000));
        report.line(
                "bump",
                String.format(
                        Locale.ROOT,
                        "bumps=%d bumpToPostMs p50=%.0f p99=%.0f max=%.0f",
                        bumps,
                        percentile(latencies, 50),
                        percentile(latencies, 99),
                        percentile(latencies, 100)));
    }

    /** Subscription 0's primaries go down; all its pairings are bumped to Forced at once. */
    private void massFailoverPhase(
            KubernetesClient kube, SimulatorClient sim, OperatorProcess operator) throws Exception {
        int count =
                Math.min(
                        Integer.parseInt(args.getOrDefault("massFailover", "100")),
                        inSubscription(0));
        if (count == 0) {
            return;
        }
        List<String> names = new ArrayList<>();
        StringBuilder ids = new StringBuilder();
        for (int k = 0; k < count; k++) {
            int i = k * subscriptions;
            names.add("p" + i);
            ids.append(ids.length() == 0 ? "" : ",")
                    .append('"')
                    .append(SimulatorClient.nsId(subscription(0), RG, "p" + i + "-weu"))
                    .append('"');
        }
        sim.addFaults("{\"unreachable\":[" + ids + "]}");
        double refusalsBefore = operator.clientRefusals();
        Map<String, Instant> bumped = new ConcurrentHashMap<>();
        // as many editors as it takes to bump them all within about a second, as a GitOps sync
        // would
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (String name : names) {
            pool.submit(
                    () -> {
                        bumped.put(name, Instant.now());
                        bump(kube, name, FailoverMode.Forced);
                    });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        Instant firstBump = bumped.values().stream().min(Instant::compareTo).orElseThrow();
        Instant lastBump = bumped.values().stream().max(Instant::compareTo).orElseThrow();
        Map<String, Instant> posts = awaitPosts(sim, names, Duration.ofMinutes(10));
        double refusals = operator.clientRefusals() - refusalsBefore;
        awaitAll("FailedOver", failedOver, names::contains, Duration.ofMinutes(30));
        List<Double> arrivals = new ArrayList<>();
        names.forEach(n -> arrivals.add(seconds(firstBump, posts.get(n))));
        List<Double> latencies = new ArrayList<>();
        names.forEach(n -> latencies.add(seconds(bumped.get(n), posts.get(n)) * 1000));
        long failoverPosts =
                sim.calls().stream()
                        .filter(c -> c.operation().equals("failover") && c.status() < 300)
                        .filter(c -> names.stream().anyMatch(n -> c.path().contains("/" + n + "/")))
                        .count();
        Instant allFailedOver =
                names.stream().map(failedOver::get).max(Instant::compareTo).orElseThrow();
        report.line(
                "massFailover",
                String.format(
                        Locale.ROOT,
                        "pairings=%d bumpSpreadSeconds=%.1f firstPostSeconds=%.2f medianPostSeconds=%.2f"
                                + " lastPostSeconds=%.2f bumpToPostMs p50=%.0f p99=%.0f"
                                + " failoverPostsAccepted=%d clientRefusals=%.0f"
                                + " allFailedOverSeconds=%.1f",
                        count,
                        seconds(firstBump, lastBump),
                        percentile(arrivals, 0),
                        percentile(arrivals, 50),
                        percentile(arrivals, 100),
                        percentile(latencies, 50),
                        percentile(latencies, 99),
                        failoverPosts,
                        refusals,
                        seconds(firstBump, allFailedOver)));
        sim.clearFaults();
    }

    private int inSubscription(int index) {
        return (pairings - index + subscriptions - 1) / subscriptions;
    }

    private void bump(KubernetesClient kube, String name, FailoverMode mode) {
        for (int attempt = 0; ; attempt++) {
            try {
                kube.resources(ServiceBusGeoPairing.class)
                        .inNamespace(namespace)
                        .withName(name)
                        .edit(
                                cr -> {
                                    cr.getSpec().setFailoverMode(mode);
                                    cr.getSpec().setFailoverRequested(1L);
                                    return cr;
                                });
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** The wall time of the first accepted failover POST of each pairing, once all have one. */
    private Map<String, Instant> awaitPosts(
            SimulatorClient sim, java.util.Collection<String> names, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<String, Instant> posts =
                    firstCall(sim.calls(), "failover", "/disasterrecoveryconfigs/");
            if (names.stream().allMatch(posts::containsKey)) {
                return posts;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "no failover POST for "
                                + names.stream()
                                        .filter(n -> !posts.containsKey(n))
                                        .collect(Collectors.toList()));
            }
            Thread.sleep(1_000);
        }
    }

    /** The first successful call of an operation per alias (the path segment after the marker). */
    private static Map<String, Instant> firstCall(
            List<SimulatorClient.Call> calls, String operation, String marker) {
        Map<String, Instant> first = new HashMap<>();
        for (SimulatorClient.Call c : calls) {
            if (!c.operation().equals(operation) || c.status() >= 300) {
                continue;
            }
            String path = c.path().toLowerCase(Locale.ROOT);
            int at = path.indexOf(marker);
            if (at < 0) {
                continue;
            }
            String rest = c.path().substring(at + marker.length());
            String alias = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            first.putIfAbsent(alias, c.wallTime());
        }
        return first;
    }

    private void awaitAll(
            String what, Map<String, Instant> seen, Predicate<String> which, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        long wanted = created.keySet().stream().filter(which).count();
        while (created.keySet().stream().filter(which).filter(seen::containsKey).count() < wanted) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "not all "
                                + what
                                + " after "
                                + timeout
                                + ": "
                                + seen.size()
                                + "/"
                                + wanted);
            }
            Thread.sleep(250);
        }
    }

    /**
     * The operator is stopped: drop the finalizers and delete the pairings, so the next run (or
     * operator) on this control plane does not meet them. The namespace is left: without a
     * controller-manager it would stay Terminating forever.
     */
    private void cleanUp(KubernetesClient kube) {
        var pairings = kube.resources(ServiceBusGeoPairing.class).inNamespace(namespace);
        for (ServiceBusGeoPairing cr : pairings.list().getItems()) {
            try {
                pairings.withName(cr.getMetadata().getName())
                        .edit(
                                r -> {
                                    r.getMetadata().setFinalizers(List.of());
                                    return r;
                                });
            } catch (RuntimeException e) {
                // best effort: cluster-down removes everything anyway
            }
        }
        pairings.delete();
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The operator's JVM, started as the chart's Pod would run it. */
    static final class OperatorProcess {
        private final Process process;
        private final int httpPort;
        private final double startToReadySeconds;
        private final Path log;

        private OperatorProcess(
                Process process, int httpPort, double startToReadySeconds, Path log) {
            this.process = process;
            this.httpPort = httpPort;
            this.startToReadySeconds = startToReadySeconds;
            this.log = log;
        }

        static OperatorProcess start(
                Path work,
                SimulatorClient sim,
                String namespace,
                double timeScale,
                Map<String, String> args)
                throws Exception {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // the chart's memory limit, the GC the JVM picks in such a container, and the image's
            // own JVM arguments
            command.add("-XX:MaxRAM=512m");
            command.add("-XX:+UseSerialGC");
            command.addAll(imageJvmArguments());
            for (String extra : args.getOrDefault("jvm", "").split(" ")) {
                if (!extra.isBlank()) {
                    command.add(extra);
                }
            }
            command.add("-jar");
            command.add("target/quarkus-app/quarkus-run.jar");
            ProcessBuilder pb = new ProcessBuilder(command);
            Map<String, String> env = pb.environment();
            env.put(
                    "MALLOC_ARENA_MAX",
                    imageProperty("quarkus.jib.environment-variables.\"MALLOC_ARENA_MAX\"", "8"));
            env.put("SIMULATOR_URL", sim.baseUri().toString());
            env.put(
                    "SIMULATOR_CERT",
                    work.resolve("simulator/simulator-cert.pem").toAbsolutePath().toString());
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("GEODR_LEADER_ELECTION_NAMESPACE", namespace);
            env.put("POD_NAME", "bench-operator");
            // the product's defaults, on the simulator's time scale
            PlannerSettings poll = PlannerSettings.defaults();
            env.put("GEODR_POLL_FAST", scaled(poll.fastPoll(), timeScale));
            env.put("GEODR_POLL_FIRST_AFTER_PAIRING", scaled(poll.firstPairingPoll(), timeScale));
            env.put("GEODR_POLL_PENDING", scaled(poll.pendingPoll(), timeScale));
            env.put("GEODR_POLL_STEADY", scaled(poll.steadyPoll(), timeScale));
            env.put("GEODR_FAILOVER_SAFE_TIMEOUT", scaled(poll.safeFailoverTimeout(), timeScale));
            env.put("GEODR_FAILOVER_ISSUED_TIMEOUT", scaled(poll.issuedTimeout(), timeScale));
            Path log = work.resolve("operator.log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            Process process = pb.start();
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the operator exited; see " + log);
                }
                try {
                    HttpResponse<String> r =
                            http.send(
                                    HttpRequest.newBuilder(health)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            return new OperatorProcess(process, port, (System.nanoTime() - start) / 1e9, log);
        }

        /** The JVM arguments the image's entrypoint passes (application.properties). */
        static List<String> imageJvmArguments() throws IOException {
            return List.of(imageProperty("quarkus.jib.jvm-additional-arguments", "").split(","))
                    .stream()
                    .filter(a -> !a.isBlank())
                    .toList();
        }

        static String imageProperty(String key, String fallback) throws IOException {
            return Files.readAllLines(Path.of("src/main/resources/application.properties")).stream()
                    .filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(key.length() + 1).trim())
                    .findFirst()
                    .orElse(fallback);
        }

        private static String scaled(Duration d, double scale) {
            return Math.max(1, Math.round(d.toMillis() * scale)) + "ms";
        }

        double startToReadySeconds() {
            return startToReadySeconds;
        }

        String quarkusStartedIn() throws IOException {
            return Files.readAllLines(log).stream()
                    .filter(l -> l.contains(" started in "))
                    .map(l -> l.replaceAll(".* started in ([0-9.]+)s.*", "$1"))
                    .findFirst()
                    .orElse("?");
        }

        /** VmRSS and thread count from /proc. */
        String footprint() throws IOException {
            Map<String, String> status = new HashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc", pid(), "status"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    status.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            }
            long rssKb = Long.parseLong(status.get("VmRSS").replace("kB", "").trim());
            return String.format(
                    Locale.ROOT, "rssMB=%.0f threads=%s", rssKb / 1024.0, status.get("Threads"));
        }

        /** User plus system CPU of the operator, in clock ticks (1/100 s). */
        long cpuTicks() throws IOException {
            String stat = Files.readString(Path.of("/proc", pid(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        /** ARM requests the operator's client-side budget refused (code 0 in its metrics). */
        double clientRefusals() throws Exception {
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + httpPort
                                                                    + "/q/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            return r.body()
                    .lines()
                    .filter(
                            l ->
                                    l.startsWith("geodr_arm_requests_total{")
                                            && l.contains("code=\"0\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
        }

        private String pid() {
            return Long.toString(process.pid());
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** BENCH lines, printed as they come and written at the end. */
    static final class Report {
        private final List<String> lines = new ArrayList<>();

        synchronized void line(String phase, String figures) {
            String line = "BENCH " + phase + " " + figures;
            lines.add(line);
            System.out.println(line);
        }

        synchronized void write(Path file) throws IOException {
            Files.write(file, lines);
        }
    }
}
