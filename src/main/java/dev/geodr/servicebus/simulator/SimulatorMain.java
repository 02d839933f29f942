package dev.geodr.servicebus.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone in the foreground (no Quarkus): configuration from the environment
 * (see {@link SimulatorConfig#fromEnv}), exactly one line on stdout once listening, clean stop on
 * SIGINT/SIGTERM. Logs go to stderr so scripts can read that one line.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // JBoss Logging finds JBoss LogManager on the classpath; it must be the JUL manager before anything logs.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        logToStderr();
        SimulatorConfig config;
        try {
            config = SimulatorConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("ARM simulator: " + e.getMessage());
            System.exit(2);
            return;
        }
        ArmSimulator simulator;
        try {
            simulator = ArmSimulator.start(config);
        } catch (RuntimeException e) {
            System.err.println("ARM simulator failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "arm-simulator-shutdown"));
        System.out.println("ARM simulator listening on " + simulator.baseUri() + " (certificate: "
                + simulator.certificatePath() + ")");
        System.out.flush();
        stopped.await();
    }

    /** Without Quarkus nobody configures logging; INFO and above go to stderr, one line each. */
    private static void logToStderr() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.ConsoleHandler handler = new java.util.logging.ConsoleHandler();
        handler.setLevel(java.util.logging.Level.INFO);
        handler.setFormatter(new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord r) {
                String logger = r.getLoggerName() == null ? "" : r.getLoggerName().replaceAll(".*\\.", "");
                String text = formatMessage(r) + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")");
                return java.time.LocalTime.now().withNano(0) + " " + r.getLevel() + " [" + logger + "] " + text + "\n";
            }
        });
        root.addHandler(handler);
        root.setLevel(java.util.logging.Level.INFO);
    }
}
