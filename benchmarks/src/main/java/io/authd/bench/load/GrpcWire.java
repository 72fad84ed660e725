package io.authd.bench.load;

import com.google.protobuf.InvalidProtocolBufferException;
import io.authd.api.grpc.v1.ChallengeRequest;
import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.Header;
import io.authd.api.grpc.v1.Outcome;
import io.authd.api.grpc.v1.VerifyRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/**
 * authd.v1.Authenticator over gRPC (contract "gRPC"), spoken on the driver's own HTTP/2 connections: the same
 * Vert.x HTTP client as the h2c JSON transport, so the two differ only in what the server does with the bytes.
 *
 * <p>A gRPC message on the wire is a 5-byte prefix (compressed flag, big-endian length) and the protobuf bytes
 * (gRPC over HTTP/2, "Length-Prefixed-Message"). Requests are pre-encoded: the fields that never change
 * (protocol, method, uri, realm, algorithms) are serialized once by protobuf itself, and each request appends
 * only field 6, the Authorization value, written straight from the Digest work (protobuf allows the fields in any
 * order). Answers are parsed with the generated {@code Decision}, so a malformed answer is an error.
 */
final class GrpcWire extends Wire {
    /** Field 6 (authorization), wire type 2 (length-delimited). */
    private static final int AUTHORIZATION_TAG = 6 << 3 | 2;
    private static final int PREFIX_BYTES = 5;

    private final Users users;
    private final String algorithm;
    private final byte[] verifyFixedFields;

    GrpcWire(LoadOptions o, Users users) {
        super(grpc(o, "Challenge"), grpc(o, "Verify"), frame(ChallengeRequest.newBuilder().setProtocol(o.protocol())
                .setRealm(o.realm()).addAlgorithms(o.algorithm().token()).build().toByteArray()));
        this.users = users;
        this.algorithm = o.algorithm().token();
        this.verifyFixedFields = VerifyRequest.newBuilder().setProtocol(o.protocol()).setMethod(o.method())
                .setUri(o.uri()).setRealm(o.realm()).addAlgorithms(algorithm).build().toByteArray();
    }

    private static RequestOptions grpc(LoadOptions o, String method) {
        // te: trailers is required by gRPC over HTTP/2: it tells proxies the client understands trailers.
        return Wire.post(o, "/authd.v1.Authenticator/" + method, "application/grpc").putHeader("te", "trailers");
    }

    @Override
    Buffer verifyBody(int u, Credentials c) {
        AuthorizationValue value = AuthorizationValue.RAW;
        int valueLength = value.length(users.authorizationPrefix[u], c);
        int messageLength = verifyFixedFields.length + 1 + varintLength(valueLength) + valueLength;
        Buffer b = Buffer.buffer(PREFIX_BYTES + messageLength)
                .appendByte((byte) 0).appendInt(messageLength)
                .appendBytes(verifyFixedFields).appendByte((byte) AUTHORIZATION_TAG);
        appendVarint(b, valueLength);
        return value.append(b, users.authorizationPrefix[u], c);
    }

    @Override
    String challenge(Answer a) {
        Decision d = decision(a);
        return d != null && d.getOutcome() == Outcome.challenge ? digestChallenge(d) : null;
    }

    @Override
    Reply verified(int u, Answer a) {
        if (!"0".equals(a.grpcStatus())) {
            return new Reply.Wrong("grpc-status " + a.grpcStatus());
        }
        Decision d = decision(a);
        if (d == null) {
            return new Reply.Wrong("not one Decision message");
        }
        if (d.getOutcome() == Outcome.allow) {
            String problem = Reply.identityProblem(d.getReason(), d.getIdentity().getUser(),
                    d.getIdentity().getAlgorithm(), users.names[u], algorithm);
            if (problem != null) {
                return new Reply.Wrong(problem);
            }
            for (Header h : d.getHeadersList()) {
                if ("Authentication-Info".equalsIgnoreCase(h.getName())) {
                    return new Reply.Allow(h.getValue(), false);
                }
            }
            return new Reply.Wrong("allow without Authentication-Info");
        }
        if (d.getOutcome() == Outcome.challenge && "stale_nonce".equals(d.getReason())) {
            return new Reply.Stale(digestChallenge(d));
        }
        return new Reply.Wrong(null);
    }

    @Override
    String describe(Answer a) {
        Decision d = decision(a);
        return "HTTP " + a.status() + ", grpc-status " + a.grpcStatus() + ", "
                + (d == null ? a.body().length() + " bytes that are not one Decision" : d.toString().replace('\n', ' '));
    }

    /** The answer's one Decision message, or null when it is not exactly one uncompressed message. */
    static Decision decision(Answer a) {
        if (!"0".equals(a.grpcStatus())) {
            return null;
        }
        Buffer body = a.body();
        if (body.length() < PREFIX_BYTES || body.getByte(0) != 0
                || body.getInt(1) != body.length() - PREFIX_BYTES) {
            return null;
        }
        try {
            return Decision.parseFrom(body.getBytes(PREFIX_BYTES, body.length()));
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
    }

    private String digestChallenge(Decision d) {
        for (Header h : d.getHeadersList()) {
            if (Reply.isDigestChallenge(h.getName(), h.getValue(), algorithm)) {
                return h.getValue();
            }
        }
        return null;
    }

    private static Buffer frame(byte[] message) {
        return Buffer.buffer(PREFIX_BYTES + message.length).appendByte((byte) 0).appendInt(message.length)
                .appendBytes(message);
    }

    private static int varintLength(int n) {
        int bytes = 1;
        while ((n >>>= 7) != 0) {
            bytes++;
        }
        return bytes;
    }

    /** Protobuf's base-128 varint, low group first. */
    private static void appendVarint(Buffer b, int n) {
        while ((n & ~0x7f) != 0) {
            b.appendByte((byte) (n & 0x7f | 0x80));
            n >>>= 7;
        }
        b.appendByte((byte) n);
    }
}
