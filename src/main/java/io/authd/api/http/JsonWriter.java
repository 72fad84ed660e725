package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.credentials.ApiKey;
import io.authd.credentials.UserEntry;
import io.authd.digest.HashFunction;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes Decisions, API errors and admin users as JSON, with Jackson's streaming generator. */
public final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() {
    }

    /** A Decision as the JSON API answers it (contract "Decisions"). */
    public static Buffer decision(Decision decision) {
        WireDecision d = WireDecision.of(decision);
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("outcome", d.outcome());
            g.writeNumberField("status", d.status());
            g.writeStringField("reason", d.reason());
            if (d.identity() != null) {
                identity(g, d.identity());
            }
            g.writeArrayFieldStart("headers");
            for (HeaderField h : d.headers()) {
                g.writeStartObject();
                g.writeStringField("name", h.name());
                g.writeStringField("value", h.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (d.detail() != null) {
                g.writeStringField("detail", d.detail());
            }
            g.writeEndObject();
        });
    }

    static Buffer error(ApiError e) {
        return write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", e.code());
            g.writeStringField("message", e.message());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** An admin API user: what may be shown, never an HA1 (there is none in a {@link UserEntry}). */
    static Buffer user(UserEntry user) {
        return write(g -> user(g, user));
    }

    /** A page of users and the cursor of the next page, null on the last one. */
    static Buffer users(List<UserEntry> users, String next) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("users");
            for (UserEntry user : users) {
                user(g, user);
            }
            g.writeEndArray();
            g.writeStringField("next", next);
            g.writeEndObject();
        });
    }

    /** An API key as the admin API shows it: never its hash; the whole key only in the answer that created it. */
    static Buffer apiKey(ApiKey key, String token) {
        return write(g -> apiKey(g, key, token));
    }

    static Buffer apiKeys(List<ApiKey> keys) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("apiKeys");
            for (ApiKey key : keys) {
                apiKey(g, key, null);
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void apiKey(JsonGenerator g, ApiKey key, String token) throws IOException {
        g.writeStartObject();
        g.writeStringField("realm", key.realm());
        g.writeStringField("id", key.id());
        strings(g, "scopes", key.scopes());
        if (key.expiresAt() != null) {
            g.writeStringField("expiresAt", key.expiresAt().toString());
        }
        if (token != null) {
            g.writeStringField("key", token);
        }
        g.writeEndObject();
    }

    private static void user(JsonGenerator g, UserEntry user) throws IOException {
        g.writeStartObject();
        g.writeStringField("realm", user.realm());
        g.writeStringField("username", user.username());
        g.writeBooleanField("enabled", user.enabled());
        g.writeArrayFieldStart("algorithms");
        for (HashFunction hash : user.hashes()) {
            g.writeString(hash.token());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void identity(JsonGenerator g, WireDecision.WireIdentity identity) throws IOException {
        g.writeObjectFieldStart("identity");
        g.writeStringField("scheme", identity.scheme());
        g.writeStringField("user", identity.user());
        g.writeStringField("realm", identity.realm());
        if (identity.algorithm() != null) {
            g.writeStringField("algorithm", identity.algorithm());
        }
        if (identity.qop() != null) {
            g.writeStringField("qop", identity.qop());
        }
        if (identity.bearer() != null) {
            bearer(g, identity.bearer());
        }
        g.writeEndObject();
    }

    /** Contract "Bearer identity": subject, issuer, scopes, expiresAt (epoch seconds), claims. */
    private static void bearer(JsonGenerator g, WireDecision.WireBearer b) throws IOException {
        g.writeStringField("subject", b.subject());
        if (b.issuer() != null) {
            g.writeStringField("issuer", b.issuer());
        }
        strings(g, "scopes", b.scopes());
        if (b.expiresAt() != null) {
            g.writeNumberField("expiresAt", b.expiresAt());
        }
        g.writeFieldName("claims");
        value(g, b.claims());
    }

    /** A claim value as parsed from the token's JSON: maps, lists, strings, numbers, booleans and null. */
    private static void value(JsonGenerator g, Object v) throws IOException {
        switch (v) {
            case null -> g.writeNull();
            case java.util.Map<?, ?> map -> {
                g.writeStartObject();
                for (var e : map.entrySet()) {
                    g.writeFieldName(String.valueOf(e.getKey()));
                    value(g, e.getValue());
                }
                g.writeEndObject();
            }
            case List<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    value(g, item);
                }
                g.writeEndArray();
            }
            case Boolean bool -> g.writeBoolean(bool);
            case Long n -> g.writeNumber(n);
            case Integer n -> g.writeNumber(n);
            case Double n -> g.writeNumber(n);
            case Number n -> g.writeNumber(n.toString());
            default -> g.writeString(v.toString());
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static Buffer write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory cannot fail", e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
