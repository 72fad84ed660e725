package io.authd.bearer;

import com.nimbusds.jose.jwk.JWKSet;
import io.authd.config.IssuerOptions;
import io.authd.config.RealmOptions;
import io.authd.credentials.CredentialStore;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link BearerAuthenticator} from the realms' {@code bearer} sections at start-up: reads key files
 * (blocking, before serving, as start-up does) and starts fetching each JWKS.
 */
public final class BearerRealms {
    private BearerRealms() {
    }

    public static BearerAuthenticator create(Vertx vertx, Iterable<RealmOptions> realms, CredentialStore store,
                                             InstantSource clock) {
        Map<String, TokenVerifier> byRealm = new HashMap<>();
        List<IssuerKeys> all = new ArrayList<>();
        for (RealmOptions realm : realms) {
            if (realm.bearer() == null) {
                continue;
            }
            List<TokenVerifier.Issuer> issuers = new ArrayList<>();
            for (IssuerOptions issuer : realm.bearer().issuers()) {
                IssuerKeys keys = keys(vertx, issuer, clock);
                all.add(keys);
                issuers.add(new TokenVerifier.Issuer(issuer, keys));
            }
            byRealm.put(realm.name(), new TokenVerifier(realm.name(), realm.bearer(), issuers, clock));
        }
        return new BearerAuthenticator(byRealm, all, store, clock);
    }

    private static IssuerKeys keys(Vertx vertx, IssuerOptions issuer, InstantSource clock) {
        if (issuer.jwksUri() != null) {
            return new JwksKeys(vertx, issuer, clock).start();
        }
        return StaticIssuerKeys.of(staticKeys(issuer));
    }

    private static JWKSet staticKeys(IssuerOptions issuer) {
        try {
            return KeyMaterial.parse(issuer.keys() != null ? issuer.keys() : Files.readString(issuer.keyFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read keyFile of issuer " + issuer.issuer(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("keys of issuer " + issuer.issuer() + ": " + e.getMessage(), e);
        }
    }
}
