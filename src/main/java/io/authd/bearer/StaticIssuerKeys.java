package io.authd.bearer;

import com.nimbusds.jose.jwk.JWKSet;
import io.vertx.core.Future;

import java.util.List;

/** Keys given in the configuration: never refreshed, so an unknown {@code kid} stays unknown. */
public record StaticIssuerKeys(List<TrustedKey> keys) implements IssuerKeys {

    public StaticIssuerKeys {
        keys = List.copyOf(keys);
    }

    public static StaticIssuerKeys of(JWKSet set) {
        return new StaticIssuerKeys(TrustedKeys.prepare(set));
    }

    @Override
    public List<TrustedKey> current() {
        return keys;
    }

    @Override
    public Future<Boolean> refetch() {
        return Future.succeededFuture(false);
    }
}
