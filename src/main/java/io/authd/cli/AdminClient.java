package io.authd.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Blocking calls to the admin API of a running server; blocking is fine in a one-shot command. */
final class AdminClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI base;
    private final String token;

    /** @param base the management address, e.g. {@code http://127.0.0.1:8081} */
    AdminClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Calls {@code method path} with {@code body} (null for none); never throws for a network failure. */
    AdminReply send(String method, String path, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new AdminReply.Answered(r.statusCode(), json(r.body()));
        } catch (IOException e) {
            return new AdminReply.Unreachable("cannot reach " + base + ": " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AdminReply.Unreachable("interrupted");
        }
    }

    /** A proxy's HTML error page is not the API's answer: it reads as an answer without an error object. */
    private static JsonObject json(String body) {
        try {
            return body.isBlank() ? new JsonObject() : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }

    /** The JDK's connection failures often carry no message, only their class. */
    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
