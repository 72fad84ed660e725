package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.authd.auth.Decision;
import io.authd.auth.HeaderField;
import io.authd.credentials.UserEntry;
import io.authd.digest.HashFunction;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes Decisions, API errors and admin users as JSON, with Jackson's streaming generator. */
final class JsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonWriter() {
    }

    static Buffer decision(Decision decision) {
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
        g.writeEndObject();
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
