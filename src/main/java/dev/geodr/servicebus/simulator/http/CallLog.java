package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The ARM calls received, in order, so tests can count e.g. {@code failover} POSTs. Bounded: the
 * oldest entries are dropped (and counted) once the capacity is reached, so a benchmark cannot grow
 * it without limit.
 */
public final class CallLog {

    /**
     * One ARM call; {@code time} is virtual time, {@code operation} the §2.3 name (e.g.
     * "failover").
     */
    public record Call(
            long seq,
            String method,
            String path,
            String operation,
            String apiVersion,
            int status,
            long virtualMillis,
            long wallMillis,
            String userAgent) {}

    private final int capacity;
    private final Deque<Call> calls = new ArrayDeque<>();
    private long seq;
    private long dropped;

    public CallLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(
            String method,
            String path,
            String operation,
            String apiVersion,
            int status,
            long virtualMillis,
            String userAgent) {
        if (calls.size() == capacity) {
            calls.removeFirst();
            dropped++;
        }
        calls.addLast(
                new Call(
                        ++seq,
                        method,
                        path,
                        operation,
                        apiVersion,
                        status,
                        virtualMillis,
                        System.currentTimeMillis(),
                        userAgent));
    }

    public synchronized void clear() {
        calls.clear();
        dropped = 0;
    }

    public synchronized int size() {
        return calls.size();
    }

    /**
     * {@code {"calls":[{seq, method, path, operation, apiVersion, status, time, wallTime,
     * userAgent}], "dropped": n}}.
     */
    public synchronized ObjectNode toJson(String operationFilter) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("calls");
        for (Call c : calls) {
            if (operationFilter != null && !operationFilter.equalsIgnoreCase(c.operation())) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("seq", c.seq());
            n.put("method", c.method());
            n.put("path", c.path());
            n.put("operation", c.operation());
            if (c.apiVersion() == null) {
                n.putNull("apiVersion");
            } else {
                n.put("apiVersion", c.apiVersion());
            }
            n.put("status", c.status());
            n.put("time", Instant.ofEpochMilli(c.virtualMillis()).toString());
            n.put("wallTime", Instant.ofEpochMilli(c.wallMillis()).toString());
            // who called (the SDK names itself and its version here), so a test can tell clients
            // apart
            if (c.userAgent() == null) {
                n.putNull("userAgent");
            } else {
                n.put("userAgent", c.userAgent());
            }
        }
        body.put("dropped", dropped);
        return body;
    }
}
