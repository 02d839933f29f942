package dev.geodr.servicebus.simulator;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Runs the simulator standalone in the foreground (no Quarkus): configuration from the environment
 * (see {@link SimulatorConfig#fromEnv}), exactly one line on stdout once listening, clean stop on
 * SIGINT/SIGTERM. Logs go to stderr so scripts can read that one line.
 */
public final class SimulatorMain {

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        // JBoss Logging finds JBoss LogManager on the classpath; it must be the JUL manager before
        // anything logs.
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
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    simulator.close();
                                    stopped.countDown();
                                },
                                "arm-simulator-shutdown"));
        System.out.println(
                "ARM simulator listening on "
                        + simulator.baseUri()
                        + " (certificate: "
                        + simulator.certificatePath()
                        + ")");
        System.out.flush();
        stopped.await();
    }

    /** Without Quarkus nobody configures logging; INFO and above go to stderr, one line each. */
    private static void logToStderr() {
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(Level.INFO);
        handler.setFormatter(
                new Formatter() {
                    @Override
                    public String format(LogRecord r) {
                        String logger =
                                r.getLoggerName() == null
                                        ? ""
                                        : r.getLoggerName().replaceAll(".*\\.", "");
                        String text =
                                formatMessage(r)
                                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")");
                        return LocalTime.now(ZoneId.systemDefault()).withNano(0)
                                + " "
                                + r.getLevel()
                                + " ["
                                + logger
                                + "] "
                                + text
                                + "\n";
                    }
                });
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }
}
