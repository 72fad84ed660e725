package io.authd.api.http;

import io.authd.admin.AdminToken;
import io.authd.auth.Authenticator;
import io.authd.credentials.CredentialAdmin;
import io.authd.credentials.CredentialInvalidation;
import io.authd.metrics.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The management port: health for Kubernetes probes, Prometheus metrics and the admin API. It is a separate port
 * so the public port can be exposed without them.
 */
public final class ManagementApi {
    public static final String METRICS_PATH = "/metrics";

    private ManagementApi() {
    }

    /**
     * @param admin        the credential store's write side, empty when it takes no changes
     * @param token        the admin API's token; {@link AdminToken#disabled()} turns the admin API off
     * @param invalidation told of every user the admin API changes
     * @param metrics      served at {@code /metrics}, which answers 404 when they are off
     */
    public static Router router(Vertx vertx, Authenticator authenticator, Optional<CredentialAdmin> admin,
                                AdminToken token, CredentialInvalidation invalidation, Metrics metrics) {
        Router router = Router.router(vertx);
        // Liveness: the event loop answers. Never tied to dependencies, or an outage restarts every pod.
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> ready(ctx, authenticator));
        if (metrics.enabled()) {
            router.get(METRICS_PATH).handler(ctx -> metrics(vertx, ctx, metrics));
        } else {
            router.get(METRICS_PATH).handler(ctx -> Replies.error(ctx.request(),
                    ApiError.notFound("metrics are off (metrics.enabled: false)")));
        }
        router.route(AdminApi.MOUNT).handler(new AdminApi(authenticator.realms(), admin, token, invalidation));
        // The router answers 400 itself when it cannot decode a path to match it; say so in the API's words.
        router.errorHandler(400, ctx -> Replies.error(ctx.request(), ApiError.undecodablePath()));
        return router;
    }

    /** 503 while a store cannot answer (database down, breaker open), so Kubernetes sends traffic elsewhere. */
    private static void ready(RoutingContext ctx, Authenticator authenticator) {
        Map<String, Boolean> readiness = authenticator.readiness();
        boolean ready = !readiness.containsValue(false);
        JsonObject checks = new JsonObject();
        new TreeMap<>(readiness).forEach((name, up) -> checks.put(name, up ? "UP" : "DOWN"));
        json(ctx, ready ? 200 : 503, new JsonObject().put("status", ready ? "UP" : "DOWN").put("checks", checks));
    }

    /**
     * A scrape formats every series: off the event loop, so that a large one does not hold up the health probes
     * served on the same loop.
     */
    private static void metrics(Vertx vertx, RoutingContext ctx, Metrics metrics) {
        String accept = ctx.request().getHeader("Accept");
        vertx.executeBlocking(() -> metrics.scrape(accept), false).onComplete((scrape, failure) -> {
            if (failure != null) {
                ctx.fail(failure);
                return;
            }
            ctx.response().putHeader("Content-Type", scrape.contentType()).end(scrape.body());
        });
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
