package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.clock.VirtualClock;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.NamespaceAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceSpec;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The admin API under {@code /simulator/} (issue 2 item 6). Other tools script against it, so its
 * paths and JSON shapes are a contract (docs/simulator.md). Errors use the ARM envelope too.
 */
public final class AdminHandler {

    private static final Logger LOG = Logger.getLogger(AdminHandler.class);
    public static final String PREFIX = "/simulator";

    private final NamespaceAdmin namespaces;
    private final VirtualClock clock;
    private final Faults faults;
    private final CallLog calls;
    private final Runnable reset;

    public AdminHandler(
            NamespaceAdmin namespaces,
            VirtualClock clock,
            Faults faults,
            CallLog calls,
            Runnable reset) {
        this.namespaces = namespaces;
        this.clock = clock;
        this.faults = faults;
        this.calls = calls;
        this.reset = reset;
    }

    public static boolean isAdminPath(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    public SimResponse handle(SimRequest r) {
        try {
            return route(r, ArmRoute.segments(r.rawPath()));
        } catch (ArmRoute.BadPathException e) {
            return bad(e.getMessage());
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure handling admin %s %s", r.method(), r.rawPath());
            return error(500, "InternalServerError", "Internal error; see the simulator log.");
        }
    }

    private SimResponse route(SimRequest r, List<String> seg) {
        String m = r.method();
        String area = seg.size() > 1 ? seg.get(1) : "";
        switch (area) {
            case "namespaces" -> {
                if (seg.size() == 2) {
                    return m.equals("GET")
                            ? SimResponse.json(200, namespaces.list())
                            : notAllowed(m, "GET");
                }
                if (seg.size() == 5) {
                    return namespace(r, seg.get(2), seg.get(3), seg.get(4));
                }
            }
            case "clock" -> {
                if (seg.size() == 2) {
                    return m.equals("GET")
                            ? SimResponse.json(200, clockJson())
                            : notAllowed(m, "GET");
                }
                if (seg.size() == 3 && seg.get(2).equals("advance")) {
                    return m.equals("POST") ? advance(r) : notAllowed(m, "POST");
                }
            }
            case "faults" -> {
                if (seg.size() == 2) {
                    return faults(r);
                }
            }
            case "calls" -> {
                if (seg.size() == 2) {
                    return switch (m) {
                        case "GET" -> SimResponse.json(200, calls.toJson(r.query("operation")));
                        case "DELETE" -> {
                            calls.clear();
                            yield SimResponse.json(200, calls.toJson(null));
                        }
                        default -> notAllowed(m, "GET, DELETE");
                    };
                }
            }
            case "reset" -> {
                if (seg.size() == 2) {
                    if (!m.equals("POST")) {
                        return notAllowed(m, "POST");
                    }
                    reset.run();
                    return SimResponse.json(200, message("reset"));
                }
            }
            default -> {
                // falls through to 404 below
            }
        }
        return error(
                404,
                "NotFound",
                "No admin endpoint matches '" + r.rawPath() + "'; see docs/simulator.md.");
    }

    private SimResponse namespace(SimRequest r, String sub, String rg, String name) {
        switch (r.method()) {
            case "PUT" -> {
                NamespaceSpec spec = NamespaceSpec.fromJson(parse(r.body()), sub, rg, name);
                NamespaceAdmin.PutResult res = namespaces.put(spec);
                LOG.debugf(
                        "namespace %s %s",
                        res.created() ? "created" : "updated", res.view().get("id").textValue());
                return SimResponse.json(res.created() ? 201 : 200, res.view());
            }
            case "GET" -> {
                ObjectNode view = namespaces.get(sub, rg, name);
                return view == null
                        ? error(404, "NotFound", "Namespace '" + name + "' does not exist.")
                        : SimResponse.json(200, view);
            }
            case "DELETE" -> {
                NamespaceAdmin.DeleteResult res = namespaces.delete(sub, rg, name);
                return switch (res.status()) {
                    case 200 -> SimResponse.json(200, message(res.message()));
                    case 404 -> error(404, "NotFound", res.message());
                    default -> error(409, "Conflict", res.message());
                };
            }
            default -> {
                return notAllowed(r.method(), "GET, PUT, DELETE");
            }
        }
    }

    private SimResponse advance(SimRequest r) {
        JsonNode body = parse(r.body());
        JsonNode seconds = body == null ? null : body.get("seconds");
        if (seconds == null
                || !seconds.isNumber()
                || !(seconds.doubleValue() >= 0)
                || seconds.doubleValue() > 1e9) {
            return bad("the body must be {\"seconds\": N} with 0 <= N <= 1e9");
        }
        clock.advance(Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)));
        return SimResponse.json(200, clockJson());
    }

    private SimResponse faults(SimRequest r) {
        switch (r.method()) {
            case "GET" -> {
                return SimResponse.json(200, faults.toJson());
            }
            case "POST" -> {
                faults.apply(parse(r.body()));
                LOG.infof("faults now %s", Json.write(faults.toJson()));
                return SimResponse.json(200, faults.toJson());
            }
            case "DELETE" -> {
                faults.clear();
                return SimResponse.json(200, faults.toJson());
            }
            default -> {
                return notAllowed(r.method(), "GET, POST, DELETE");
            }
        }
    }

    private ObjectNode clockJson() {
        ObjectNode n = Json.object();
        n.put("mode", clock.isManual() ? "manual" : "real-time");
        n.put("now", clock.now().toString());
        n.put("epochMillis", clock.nowMillis());
        n.put("timeScale", clock.timeScale());
        return n;
    }

    /** Parses an admin body; an empty body is null (all defaults). */
    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static ObjectNode message(String text) {
        ObjectNode n = Json.object();
        n.put("result", text);
        return n;
    }

    private static SimResponse bad(String message) {
        return error(400, "BadRequest", message);
    }

    private static SimResponse notAllowed(String method, String allowed) {
        return error(
                        405,
                        "MethodNotAllowed",
                        "The method " + method + " is not allowed here; allowed: " + allowed + ".")
                .header("Allow", allowed);
    }

    private static SimResponse error(int status, String code, String message) {
        return SimResponse.error(ArmError.gateway(status, code, "[simulator] " + message), "-");
    }
}
