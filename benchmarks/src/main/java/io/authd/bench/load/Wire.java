package io.authd.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * What differs between the JSON API and gRPC for the closed loop: the requests' bytes and the reading of the
 * answers. The Digest work (HA1, response, nonce-counts) is the loop's and the same for every wire.
 */
abstract class Wire {
    private static final long REQUEST_TIMEOUT_MS = 10_000;

    final RequestOptions challengeRequest;
    final RequestOptions verifyRequest;
    /** The same for every challenge: a nonce for the driver's protocol, realm and algorithm. */
    final Buffer challengeBody;

    Wire(RequestOptions challengeRequest, RequestOptions verifyRequest, Buffer challengeBody) {
        this.challengeRequest = challengeRequest;
        this.verifyRequest = verifyRequest;
        this.challengeBody = challengeBody;
    }

    /** A verification of user {@code u} with these credentials. */
    abstract Buffer verifyBody(int u, Credentials credentials);

    /** The Digest challenge for the driver's algorithm in an answer to {@link #challengeBody}, or null. */
    abstract String challenge(Answer answer);

    abstract Reply verified(int u, Answer answer);

    /** The answer for an error message. */
    abstract String describe(Answer answer);

    static RequestOptions post(LoadOptions o, String path, String contentType) {
        return new RequestOptions().setMethod(HttpMethod.POST).setHost(o.host()).setPort(o.port())
                .setURI(path).putHeader("content-type", contentType).setIdleTimeout(REQUEST_TIMEOUT_MS);
    }
}
