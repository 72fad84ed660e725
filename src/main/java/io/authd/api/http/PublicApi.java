package io.authd.api.http;

import io.authd.auth.ApiSurface;
import io.authd.auth.Authenticator;
import io.authd.auth.Decision;
import io.authd.auth.Outcome;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The public port's HTTP/JSON API (contract "HTTP/JSON API"). A plain dispatcher on the path rather than a
 * router: three fixed paths, and this is the hot path.
 */
public final class PublicApi implements Handler<HttpServerRequest> {
    public static final String OPENAPI_PATH = "/openapi.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(PublicApi.class);
    private static final Buffer OPENAPI = loadOpenApi();

    private final Authenticator authenticator;
    private final ApiRequests requests;

    public PublicApi(Authenticator authenticator) {
        this.authenticator = authenticator;
        this.requests = new ApiRequests(authenticator.realms());
    }

    @Override
    public void handle(HttpServerRequest req) {
        switch (req.path()) {
            case "/v1/verify" -> postOnly(req, this::verify);
            case "/v1/challenge" -> postOnly(req, this::challenge);
            case "/v1/forward-auth" -> forwardAuth(req);
            case OPENAPI_PATH -> req.response().putHeader("Content-Type", "application/yaml").end(OPENAPI);
            default -> Replies.error(req, ApiError.notFound("no such path; see " + OPENAPI_PATH));
        }
    }

    private void verify(HttpServerRequest req, byte[] body) {
        switch (requests.verify(body)) {
            case Decoded.Ok<io.authd.auth.VerifyRequest> ok -> authenticator.verify(ok.value(), ApiSurface.JSON)
                    .onComplete(ar -> decision(req, ar.succeeded() ? ar.result() : failClosed(ar.cause())));
            case Decoded.Invalid<io.authd.auth.VerifyRequest> bad -> Replies.error(req, bad.error());
        }
    }

    private void challenge(HttpServerRequest req, byte[] body) {
        switch (requests.challenge(body)) {
            case Decoded.Ok<io.authd.auth.ChallengeRequest> ok ->
                    decision(req, authenticator.challenge(ok.value(), ApiSurface.JSON));
            case Decoded.Invalid<io.authd.auth.ChallengeRequest> bad -> Replies.error(req, bad.error());
        }
    }

    private void forwardAuth(HttpServerRequest req) {
        switch (ForwardAuth.request(req, requests)) {
            case Decoded.Ok<io.authd.auth.VerifyRequest> ok -> authenticator.verify(ok.value(), ApiSurface.FORWARD_AUTH)
                    .onComplete(ar -> ForwardAuth.respond(req, ar.succeeded() ? ar.result() : failClosed(ar.cause())));
            case Decoded.Invalid<io.authd.auth.VerifyRequest> bad -> Replies.error(req, bad.error());
        }
    }

    /** Contract: an unavailable Decision is answered with HTTP 503; every other Decision with 200. */
    private static void decision(HttpServerRequest req, Decision d) {
        Replies.json(req, d.outcome() == Outcome.ERROR ? 503 : 200, JsonWriter.decision(d));
    }

    /** The authenticator never fails its future; if it ever does, that is a bug, and the answer is still no. */
    public static Decision failClosed(Throwable cause) {
        LOG.error("authenticator failed a verification; answering unavailable", cause);
        return Decision.unavailable("internal error", 1);
    }

    private static void postOnly(HttpServerRequest req, java.util.function.BiConsumer<HttpServerRequest, byte[]> next) {
        if (req.method() != HttpMethod.POST) {
            Replies.methodNotAllowed(req, "POST");
            return;
        }
        BodyReader.read(req, body -> next.accept(req, body));
    }

    private static Buffer loadOpenApi() {
        try (InputStream in = PublicApi.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml missing from the jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
