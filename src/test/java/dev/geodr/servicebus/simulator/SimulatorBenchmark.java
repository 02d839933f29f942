package dev.geodr.servicebus.simulator;

import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads N aliases (2N namespaces, paired and Succeeded) and measures alias GETs per second over
 * HTTPS with a few client connections on loopback. Bounded by a request count and a time limit. Not
 * a unit test; run it with {@code hack/bench-simulator.sh [aliases] [connections] [requests]
 * [seconds]}.
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {}

    public static void main(String[] args) throws Exception {
        int aliases = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 30_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        System.out.printf(
                "machine: %d CPUs visible to the JVM, %s %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        SimulatorConfig config =
                SimulatorConfig.builder()
                        .port(0)
                        .manualClock(true)
                        .throttle(ThrottleLimits.UNLIMITED)
                        .build();
        try (ArmSimulator sim = ArmSimulator.start(config)) {
            HttpClient[] clients = new HttpClient[connections];
            for (int i = 0; i < connections; i++) {
                // one client per worker, so each worker keeps exactly one keep-alive connection
                clients[i] =
                        HttpClient.newBuilder()
                                .sslContext(SimulatorClient.trusting(sim.certificatePath()))
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(10))
                                .build();
            }
            String base = "https://127.0.0.1:" + sim.port();
            long loadStart = System.nanoTime();
            parallel(
                    clients,
                    aliases,
                    (client, i) -> {
                        send(
                                client,
                                "PUT",
                                base
                                        + "/simulator/namespaces/"
                                        + SimulatorClient.SUB
                                        + "/rg-bench/ns-bench-p"
                                        + i,
                                "{}",
                                201);
                        send(
                                client,
                                "PUT",
                                base
                                        + "/simulator/namespaces/"
                                        + SimulatorClient.SUB
                                        + "/rg-bench/ns-bench-s"
                                        + i,
                                "{}",
                                201);
                        send(
                                client,
                                "PUT",
                                base
                                        + SimulatorClient.nsId("rg-bench", "ns-bench-p" + i)
                                        + "/disasterRecoveryConfigs/bench-alias-"
                                        + i
                                        + "?api-version=2021-11-01",
                                SimulatorClient.partner(
                                        SimulatorClient.nsId("rg-bench", "ns-bench-s" + i)),
                                200);
                    });
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            sim.advanceClock(Duration.ofSeconds(100));
            String check = send(clients[0], "GET", url(base, aliases - 1, true), null, 200);
            if (!check.contains("\"Succeeded\"")) {
                throw new IllegalStateException("pairings did not complete: " + check);
            }
            System.out.printf(
                    "loaded %d aliases (%d namespaces, %d PUTs) in %.1f s%n",
                    aliases, 2 * aliases, 3 * aliases, loadSeconds);

            parallel(
                    clients,
                    2000,
                    (client, i) ->
                            send(client, "GET", url(base, i % aliases, i % 2 == 0), null, 200));
            Result r = measure(clients, base, aliases, requests, Duration.ofSeconds(seconds));
            long[] lat = r.latenciesMicros();
            Arrays.sort(lat);
            System.out.printf(
                    "measured: %d GETs on %d connections in %.2f s = %.0f GET/s (target 500: %.1fx)%n",
                    lat.length,
                    connections,
                    r.seconds(),
                    lat.length / r.seconds(),
                    lat.length / r.seconds() / 500);
            System.out.printf(
                    "latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f; non-200 answers: %d%n",
                    pct(lat, 50),
                    pct(lat, 95),
                    pct(lat, 99),
                    lat[lat.length - 1] / 1000.0,
                    r.errors());
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(
                    "heap used after the run (client and server share the JVM): %d MiB%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static String url(String base, int i, boolean primary) {
        String ns = primary ? "ns-bench-p" + i : "ns-bench-s" + i;
        return base
                + SimulatorClient.nsId("rg-bench", ns)
                + "/disasterRecoveryConfigs/bench-alias-"
                + i
                + "?api-version=2021-11-01";
    }

    record Result(long[] latenciesMicros, double seconds, long errors) {}

    private static Result measure(
            HttpClient[] clients, String base, int aliases, int requests, Duration limit)
            throws Exception {
        AtomicInteger issued = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + limit.toNanos();
        List<long[]> perWorker = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients.length);
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (HttpClient client : clients) {
            futures.add(
                    pool.submit(
                            () -> {
                                long[] lat = new long[requests];
                                int n = 0;
                                while (issued.getAndIncrement() < requests
                                        && System.nanoTime() < deadline) {
                                    int i = ThreadLocalRandom.current().nextInt(aliases);
                                    long t0 = System.nanoTime();
                                    HttpResponse<String> resp =
                                            client.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            url(
                                                                                    base,
                                                                                    i,
                                                                                    (i & 1) == 0)))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.ofString());
                                    lat[n++] = (System.nanoTime() - t0) / 1000;
                                    if (resp.statusCode() != 200) {
                                        errors.incrementAndGet();
                                    }
                                }
                                return Arrays.copyOf(lat, n);
                            }));
        }
        for (Future<long[]> f : futures) {
            perWorker.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = perWorker.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, elapsed, errors.get());
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
                / 1000.0;
    }

    interface Step {
        void run(HttpClient client, int i) throws Exception;
    }

    /** Runs {@code count} steps spread over the clients, one thread per client. */
    private static void parallel(HttpClient[] clients, int count, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.length);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (HttpClient client : clients) {
            fs.add(
                    pool.submit(
                            () -> {
                                for (int i = next.getAndIncrement();
                                        i < count;
                                        i = next.getAndIncrement()) {
                                    step.run(client, i);
                                }
                                return null;
                            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
    }

    private static String send(
            HttpClient client, String method, String url, String body, int expect)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException(
                    method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
