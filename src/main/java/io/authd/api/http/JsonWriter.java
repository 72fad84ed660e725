package io.authd.api.http;

import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.credentials.ApiKey;
import io.authd.credentials.UserEntry;
import io.authd.digest.HashFunction;
import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.function.Consumer;

/** Writes Decisions, API errors and admin users as JSON, with {@link JsonOut}. */
public final class JsonWriter {
    private JsonWriter() {
    }

    /**
     * A Decision as the JSON API answers it (contract "Decisions"); the hot path's answer, written straight into
     * this thread's {@link JsonOut}, no lambda per call.
     */
    public static Buffer decision(Decision decision) {
        WireDecision d = WireDecision.of(decision);
        JsonOut g = JsonOut.begin();
        g.startObject();
        g.field("outcome", d.outcome());
        g.field("status", d.status());
        g.field("reason", d.reason());
        if (d.identity() != null) {
            identity(g, d.identity());
        }
        g.name("headers").startArray();
        for (HeaderField h : d.headers()) {
            g.startObject();
            g.field("name", h.name());
            g.field("value", h.value());
            g.endObject();
        }
        g.endArray();
        if (d.detail() != null) {
            g.field("detail", d.detail());
        }
        g.endObject();
        return g.toBuffer();
    }

    static Buffer error(ApiError e) {
        return write(g -> {
            g.startObject();
            g.name("error").startObject();
            g.field("code", e.code());
            g.field("message", e.message());
            g.endObject();
            g.endObject();
        });
    }

    /** An admin API user: what may be shown, never an HA1 (there is none in a {@link UserEntry}). */
    static Buffer user(UserEntry user) {
        return write(g -> user(g, user));
    }

    /** A page of users and the cursor of the next page, null on the last one. */
    static Buffer users(List<UserEntry> users, String next) {
        return write(g -> {
            g.startObject();
            g.name("users").startArray();
            for (UserEntry user : users) {
                user(g, user);
            }
            g.endArray();
            g.field("next", next);
            g.endObject();
        });
    }

    /** An API key as the admin API shows it: never its hash; the whole key only in the answer that created it. */
    static Buffer apiKey(ApiKey key, String token) {
        return write(g -> apiKey(g, key, token));
    }

    static Buffer apiKeys(List<ApiKey> keys) {
        return write(g -> {
            g.startObject();
            g.name("apiKeys").startArray();
            for (ApiKey key : keys) {
                apiKey(g, key, null);
            }
            g.endArray();
            g.endObject();
        });
    }

    private static void apiKey(JsonOut g, ApiKey key, String token) {
        g.startObject();
        g.field("realm", key.realm());
        g.field("id", key.id());
        strings(g, "scopes", key.scopes());
        if (key.expiresAt() != null) {
            g.field("expiresAt", key.expiresAt().toString());
        }
        if (token != null) {
            g.field("key", token);
        }
        g.endObject();
    }

    private static void user(JsonOut g, UserEntry user) {
        g.startObject();
        g.field("realm", user.realm());
        g.field("username", user.username());
        g.field("enabled", user.enabled());
        g.name("algorithms").startArray();
        for (HashFunction hash : user.hashes()) {
            g.string(hash.token());
        }
        g.endArray();
        g.endObject();
    }

    private static void identity(JsonOut g, WireDecision.WireIdentity identity) {
        g.name("identity").startObject();
        g.field("scheme", identity.scheme());
        g.field("user", identity.user());
        g.field("realm", identity.realm());
        if (identity.algorithm() != null) {
            g.field("algorithm", identity.algorithm());
        }
        if (identity.qop() != null) {
            g.field("qop", identity.qop());
        }
        if (identity.bearer() != null) {
            bearer(g, identity.bearer());
        }
        g.endObject();
    }

    /** Contract "Bearer identity": subject, issuer, scopes, expiresAt (epoch seconds), claims. */
    private static void bearer(JsonOut g, WireDecision.WireBearer b) {
        g.field("subject", b.subject());
        if (b.issuer() != null) {
            g.field("issuer", b.issuer());
        }
        strings(g, "scopes", b.scopes());
        if (b.expiresAt() != null) {
            g.field("expiresAt", b.expiresAt());
        }
        g.name("claims");
        value(g, b.claims());
    }

    /** A claim value as parsed from the token's JSON: maps, lists, strings, numbers, booleans and null. */
    private static void value(JsonOut g, Object v) {
        switch (v) {
            case null -> g.nullValue();
            case java.util.Map<?, ?> map -> {
                g.startObject();
                for (var e : map.entrySet()) {
                    g.name(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.endObject();
            }
            case List<?> list -> {
                g.startArray();
                for (Object item : list) {
                    value(g, item);
                }
                g.endArray();
            }
            case Boolean bool -> g.bool(bool);
            case Long n -> g.number(n);
            case Integer n -> g.number(n);
            case Double n -> g.number(n);
            case Number n -> g.raw(n.toString());
            default -> g.string(v.toString());
        }
    }

    private static void strings(JsonOut g, String field, List<String> values) {
        g.name(field).startArray();
        for (String v : values) {
            g.string(v);
        }
        g.endArray();
    }

    private static Buffer write(Consumer<JsonOut> body) {
        JsonOut g = JsonOut.begin();
        body.accept(g);
        return g.toBuffer();
    }
}
