package io.authd.bench.load;

import io.vertx.core.http.HttpVersion;

import java.util.Locale;

/** How the driver reaches authd: the JSON API over HTTP/1.1 or h2c, or authd.v1.Authenticator over gRPC. */
enum Transport {
    /** One request in flight per keep-alive connection (HTTP/1.1 has no multiplexing; pipelining is not used). */
    HTTP1(HttpVersion.HTTP_1_1),
    /** HTTP/2 over cleartext with prior knowledge (RFC 9113 §3.3): many streams on few connections. */
    H2C(HttpVersion.HTTP_2),
    GRPC(HttpVersion.HTTP_2);

    private final HttpVersion version;

    Transport(HttpVersion version) {
        this.version = version;
    }

    HttpVersion version() {
        return version;
    }

    boolean multiplexed() {
        return version == HttpVersion.HTTP_2;
    }

    Wire wire(LoadOptions o, Users users) {
        return this == GRPC ? new GrpcWire(o, users) : new JsonWire(o, users);
    }

    static Transport parse(String value) {
        for (Transport t : values()) {
            if (t.toString().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new LoadOptions.UsageException("--transport: expected http1, h2c or grpc, got '" + value + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
