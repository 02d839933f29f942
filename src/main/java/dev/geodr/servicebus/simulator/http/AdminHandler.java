package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.clock.VirtualClock;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.GeoAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceAdmin;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The admin API under {@code /simulator/} (issue 2 item 6). Other tools script against it, so its
 * paths and JSON shapes are a contract (docs/simulator.md). Errors use the ARM envelope too.
 */
public final class AdminHandler {

    private static final HttpMethod GET = HttpMethod.GET;
    private static final HttpMethod PUT = HttpMethod.PUT;
    private static final HttpMethod POST = HttpMethod.POST;
    private static final HttpMethod DELETE = HttpMethod.DELETE;

    private static final Logger LOG = Logger.getLogger(AdminHandler.class);
    public static final String PREFIX = "/simulator";

    private final NamespaceAdmin namespaces;
    private final GeoAdminCalls geo;
    private final VirtualClock clock;
    private final Faults faults;
    private final CallLog calls;
    private final Runnable reset;

    public AdminHandler(
            NamespaceAdmin namespaces,
            GeoAdmin geo,
            VirtualClock clock,
            Faults faults,
            CallLog calls,
            Runnable reset) {
        this.namespaces = namespaces;
        this.geo = new GeoAdminCalls(namespaces, geo);
        this.clock = clock;
        this.faults = faults;
        this.calls = calls;
        this.reset = reset;
    }

    public static boolean isAdminPath(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    /** One admin endpoint: method and Vert.x path template, and what answers it. */
    private record Endpoint(HttpMethod method, String path, Function<Call, SimResponse> handler) {}

    /** A fully read admin request plus the path parameters its template matched. */
    private record Call(SimRequest request, RoutingContext ctx) {
        String param(String name) {
            return ctx.pathParam(name);
        }
    }

    private static final String NAMESPACE =
            PREFIX + "/namespaces/:subscriptionId/:resourceGroup/:name";

    private static final String GEO =
            PREFIX + "/georeplication/:subscriptionId/:resourceGroup/:name";

    /**
     * The admin API as a table. For a path, the order of its rows is the order of the {@code Allow}
     * header on 405.
     */
    private List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(
                        GET, PREFIX + "/namespaces", c -> SimResponse.json(200, namespaces.list())),
                new Endpoint(GET, NAMESPACE, this::getNamespace),
                new Endpoint(PUT, NAMESPACE, this::putNamespace),
                new Endpoint(DELETE, NAMESPACE, this::deleteNamespace),
                new Endpoint(GET, GEO, c -> geoCall(c, key -> geo.admin().get(key))),
                new Endpoint(
                        PUT,
                        GEO + "/rates",
                        c -> geoCall(c, key -> geo.admin().rates(key, parse(c.request().body())))),
                new Endpoint(
                        POST,
                        GEO + "/removeReplica",
                        c -> geoCall(c, key -> geo.admin().removeReplica(key))),
                new Endpoint(GET, PREFIX + "/clock", c -> SimResponse.json(200, clockJson())),
                new Endpoint(POST, PREFIX + "/clock/advance", c -> advance(c.request())),
                new Endpoint(GET, PREFIX + "/faults", c -> SimResponse.json(200, faults.toJson())),
                new Endpoint(POST, PREFIX + "/faults", this::addFaults),
                new Endpoint(DELETE, PREFIX + "/faults", this::clearFaults),
                new Endpoint(GET, PREFIX + "/calls", this::listCalls),
                new Endpoint(DELETE, PREFIX + "/calls", this::clearCalls),
                new Endpoint(POST, PREFIX + "/reset", this::reset));
    }

    /**
     * The admin API's router: the first route reads the body (with {@code readBody}, the same size
     * cap as ARM) and applies the path guard, then the table; a known path with another method is a
     * 405 with {@code Allow}, anything else a 404.
     */
    Router router(Vertx vertx, BiConsumer<HttpServerRequest, Consumer<SimRequest>> readBody) {
        Router router = Router.router(vertx);
        router.route()
                .handler(
                        ctx ->
                                readBody.accept(
                                        ctx.request(),
                                        r -> {
                                            SimResponse refused = guard(r);
                                            if (refused != null) {
                                                HttpFront.write(ctx.request(), refused);
                                            } else {
                                                ctx.put(SimRequest.class.getName(), r);
                                                ctx.next();
                                            }
                                        }));
        Map<String, List<Endpoint>> byPath = new LinkedHashMap<>();
        for (Endpoint e : endpoints()) {
            byPath.computeIfAbsent(e.path(), p -> new ArrayList<>()).add(e);
        }
        byPath.forEach(
                (path, rows) -> {
                    for (Endpoint e : rows) {
                        router.route(e.method(), path)
                                .handler(ctx -> answer(ctx, c -> e.handler().apply(c)));
                    }
                    String allowed =
                            rows.stream()
                                    .map(e -> e.method().name())
                                    .collect(Collectors.joining(", "));
                    router.route(path)
                            .handler(
                                    ctx ->
                                            answer(
                                                    ctx,
                                                    c ->
                                                            notAllowed(
                                                                    c.request().method(),
                                                                    allowed)));
                });
        router.route().handler(ctx -> answer(ctx, c -> notFound(c.request())));
        return router;
    }

    /**
     * What Vert.x's router would otherwise see differently from the raw path, answered as before:
     * bad percent-encoding is a 400, and a path with an empty inner segment or a {@code .}/{@code
     * ..} segment (also percent-encoded) matches no endpoint; the router would resolve the dots
     * (RFC 3986) and ignore extra trailing slashes.
     */
    private static SimResponse guard(SimRequest r) {
        List<String> seg;
        try {
            seg = ArmRoute.segments(r.rawPath());
        } catch (ArmRoute.BadPathException e) {
            return bad(e.getMessage());
        }
        for (String s : seg) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                return notFound(r);
            }
        }
        return seg.isEmpty() ? notFound(r) : null;
    }

    private static void answer(RoutingContext ctx, Function<Call, SimResponse> handler) {
        SimRequest r = ctx.get(SimRequest.class.getName());
        SimResponse resp;
        try {
            resp = handler.apply(new Call(r, ctx));
        } catch (IllegalArgumentException e) {
            resp = bad(e.getMessage());
        } catch (NamespaceAdmin.ProviderConflict e) {
            resp = error(409, "Conflict", e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "unexpected failure handling admin %s %s", r.method(), r.rawPath());
            resp = error(500, "InternalServerError", "Internal error; see the simulator log.");
        }
        HttpFront.write(ctx.request(), resp);
    }

    private static SimResponse notFound(SimRequest r) {
        return error(
                404,
                "NotFound",
                "No admin endpoint matches '" + r.rawPath() + "'; see docs/simulator.md.");
    }

    private SimResponse putNamespace(Call c) {
        NamespaceAdmin.PutResult res =
                geo.putNamespace(
                        parse(c.request().body()),
                        c.param("subscriptionId"),
                        c.param("resourceGroup"),
                        c.param("name"));
        LOG.debugf(
                "namespace %s %s",
                res.created() ? "created" : "updated", res.view().get("id").textValue());
        return SimResponse.json(res.created() ? 201 : 200, res.view());
    }

    private SimResponse getNamespace(Call c) {
        String name = c.param("name");
        ObjectNode view = namespaces.get(c.param("subscriptionId"), c.param("resourceGroup"), name);
        return view == null
                ? error(404, "NotFound", "Namespace '" + name + "' does not exist.")
                : SimResponse.json(200, view);
    }

    private SimResponse geoCall(Call c, Function<String, ObjectNode> call) {
        return geo.view(c.param("subscriptionId"), c.param("resourceGroup"), c.param("name"), call);
    }

    private SimResponse deleteNamespace(Call c) {
        NamespaceAdmin.DeleteResult res =
                namespaces.delete(
                        c.param("subscriptionId"), c.param("resourceGroup"), c.param("name"));
        return switch (res.status()) {
            case 200 -> SimResponse.json(200, message(res.message()));
            case 404 -> error(404, "NotFound", res.message());
            default -> error(409, "Conflict", res.message());
        };
    }

    private SimResponse addFaults(Call c) {
        faults.apply(parse(c.request().body()));
        LOG.infof("faults now %s", Json.write(faults.toJson()));
        return SimResponse.json(200, faults.toJson());
    }

    private SimResponse clearFaults(Call c) {
        faults.clear();
        return SimResponse.json(200, faults.toJson());
    }

    private SimResponse listCalls(Call c) {
        return SimResponse.json(200, calls.toJson(c.request().query("operation")));
    }

    private SimResponse clearCalls(Call c) {
        calls.clear();
        return SimResponse.json(200, calls.toJson(null));
    }

    private SimResponse reset(Call c) {
        reset.run();
        return SimResponse.json(200, message("reset"));
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

    private ObjectNode clockJson() {
        ObjectNode n = Json.object();
        n.put("mode", clock.isManual() ? "manual" : "real-time");
        n.put("now", clock.now().toString());
        n.put("epochMillis", clock.nowMillis());
        n.put("timeScale", clock.timeScale());
        return n;
    }

    /** Parses an admin body; an empty body is null (all defaults). */
    static JsonNode parse(String body) {
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

    static SimResponse error(int status, String code, String message) {
        return SimResponse.error(ArmError.gateway(status, code, "[simulator] " + message), "-");
    }
}
