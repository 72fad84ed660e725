package io.authd.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the two listeners bind.
 *
 * @param publicApi  the authentication API (HTTP, h2c, gRPC; TLS when configured); key {@code public} in YAML
 * @param management metrics, health and admin API, kept apart so that it need not be exposed; always plain
 */
public record ListenOptions(@JsonProperty("public") PublicEndpoint publicApi, Endpoint management) {

    public static final ListenOptions DEFAULTS =
            new ListenOptions(new PublicEndpoint("0.0.0.0", 8080, TlsOptions.DEFAULTS),
                    new Endpoint("0.0.0.0", 8081));

    public ListenOptions {
        Problems problems = new Problems();
        problems.present(publicApi, "public");
        problems.present(management, "management");
        problems.throwIfAny();
    }
}
