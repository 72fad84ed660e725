package io.authd.api.http;

import io.authd.auth.Authenticator;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The management port: health for Kubernetes probes (and, in later work, metrics and the admin API). It is a
 * separate port so the public port can be exposed without them.
 */
public final class ManagementApi {
    private ManagementApi() {
    }

    public static Router router(Vertx vertx, Authenticator authenticator) {
        Router router = Router.router(vertx);
        // Liveness: the event loop answers. Never tied to dependencies, or an outage restarts every pod.
        router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(ctx -> ready(ctx, authenticator));
        return router;
    }

    private static void ready(RoutingContext ctx, Authenticator authenticator) {
        boolean credentials = authenticator.ready();
        JsonObject body = new JsonObject().put("status", credentials ? "UP" : "DOWN")
                .put("checks", new JsonObject().put("credentials", credentials ? "UP" : "DOWN"));
        json(ctx, credentials ? 200 : 503, body);
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
    }
}
