package io.authd.bench.load;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

import static io.authd.bench.load.AuthorizationValue.ascii;

/** authd's JSON API: POST /v1/challenge and POST /v1/verify, the same over HTTP/1.1 and h2c. */
final class JsonWire extends Wire {
    private static final byte[] END = ascii("\"}");
    private static final byte[] ALLOW = ascii("{\"outcome\":\"allow\",\"status\":200,\"reason\":\"ok\",\"identity\":{");
    private static final byte[] USER = ascii("\"user\":\"");
    private static final byte[] INFO = ascii("{\"name\":\"Authentication-Info\",\"value\":\"");

    private final Users users;
    private final String algorithm;
    private final byte[] algorithmField;
    /** {@code {"protocol":..,"authorization":"Digest username=\"..\", ..., nonce=\"} per user, as UTF-8. */
    private final byte[][] bodyPrefix;

    JsonWire(LoadOptions o, Users users) {
        super(Wire.post(o, "/v1/challenge", "application/json"), Wire.post(o, "/v1/verify", "application/json"),
                Buffer.buffer("{\"protocol\":\"" + o.protocol() + "\",\"realm\":\"" + Text.json(o.realm())
                        + "\",\"algorithms\":[\"" + o.algorithm().token() + "\"]}"));
        this.users = users;
        this.algorithm = o.algorithm().token();
        this.algorithmField = ascii("\"algorithm\":\"" + algorithm + "\"");
        String head = "{\"protocol\":\"" + o.protocol() + "\",\"method\":\"" + o.method() + "\",\"uri\":\""
                + Text.json(o.uri()) + "\",\"realm\":\"" + Text.json(o.realm()) + "\",\"algorithms\":[\"" + algorithm
                + "\"],\"authorization\":\"";
        this.bodyPrefix = new byte[users.size()][];
        for (int u = 0; u < users.size(); u++) {
            String header = new String(users.authorizationPrefix[u], StandardCharsets.UTF_8);
            bodyPrefix[u] = (head + Text.json(header)).getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    Buffer verifyBody(int u, Credentials c) {
        AuthorizationValue value = AuthorizationValue.IN_JSON_STRING;
        Buffer b = Buffer.buffer(value.length(bodyPrefix[u], c) + END.length);
        return value.append(b, bodyPrefix[u], c).appendBytes(END);
    }

    @Override
    String challenge(Answer a) {
        try {
            JsonObject j = a.body().toJsonObject();
            return a.status() == 200 && "challenge".equals(j.getString("outcome")) ? digestChallenge(j) : null;
        } catch (RuntimeException e) {
            return null; // the caller reports the answer
        }
    }

    @Override
    Reply verified(int u, Answer a) {
        String info = a.status() == 200 ? fastAllow(u, a.body().getBytes()) : null;
        if (info != null) {
            return new Reply.Allow(info, false);
        }
        // Anything but authd's usual allow: parse it whole, then decide.
        JsonObject j;
        try {
            j = a.body().toJsonObject();
        } catch (RuntimeException e) {
            return new Reply.Wrong("not JSON");
        }
        String outcome = j.getString("outcome");
        if (a.status() == 200 && "allow".equals(outcome)) {
            JsonObject identity = j.getJsonObject("identity", new JsonObject());
            String problem = Reply.identityProblem(j.getString("reason"), identity.getString("user"),
                    identity.getString("algorithm"), users.names[u], algorithm);
            if (problem != null) {
                return new Reply.Wrong(problem);
            }
            info = header(j, "Authentication-Info");
            return info == null ? new Reply.Wrong("allow without Authentication-Info") : new Reply.Allow(info, true);
        }
        if (a.status() == 200 && "challenge".equals(outcome) && "stale_nonce".equals(j.getString("reason"))) {
            return new Reply.Stale(digestChallenge(j));
        }
        return new Reply.Wrong(null);
    }

    @Override
    String describe(Answer a) {
        return "HTTP " + a.status() + " " + a.body();
    }

    /**
     * The Authentication-Info value of an allow for user {@code u} and our algorithm written the way authd writes
     * it (compact JSON, fields in its order), or null. This is the common answer, checked byte by byte without
     * building a JSON tree, which keeps the driver's CPU per request down; anything else (another layout, another
     * outcome) returns null and is parsed whole, so a different but valid layout is never taken for an error.
     */
    private String fastAllow(int u, byte[] b) {
        if (!Bytes.startsWith(b, ALLOW)) {
            return null;
        }
        int user = Bytes.indexOf(b, USER, ALLOW.length);
        if (user < 0 || !Bytes.regionEquals(b, user + USER.length, users.userJson[u])
                || Bytes.indexOf(b, algorithmField, ALLOW.length) < 0) {
            return null;
        }
        int from = Bytes.indexOf(b, INFO, user);
        if (from < 0) {
            return null;
        }
        from += INFO.length;
        boolean escaped = false;
        int to = from;
        while (to < b.length && b[to] != '"') {
            if (b[to] == '\\') {
                escaped = true;
                to++;
            }
            to++;
        }
        if (to >= b.length) {
            return null;
        }
        String value = new String(b, from, to - from, StandardCharsets.UTF_8);
        if (!escaped) {
            return value;
        }
        // Only \" occurs in authd's header values; any other escape goes to the full parse.
        String unescaped = value.replace("\\\"", "\"");
        return unescaped.indexOf('\\') >= 0 ? null : unescaped;
    }

    /** The first Digest challenge of a challenge Decision for our algorithm, or null. */
    private String digestChallenge(JsonObject decision) {
        JsonArray headers = decision.getJsonArray("headers");
        if (headers == null) {
            return null;
        }
        for (int i = 0; i < headers.size(); i++) {
            JsonObject h = headers.getJsonObject(i);
            if (Reply.isDigestChallenge(h.getString("name"), h.getString("value"), algorithm)) {
                return h.getString("value");
            }
        }
        return null;
    }

    private static String header(JsonObject decision, String name) {
        JsonArray headers = decision.getJsonArray("headers");
        if (headers == null) {
            return null;
        }
        for (int i = 0; i < headers.size(); i++) {
            JsonObject h = headers.getJsonObject(i);
            if (name.equalsIgnoreCase(h.getString("name"))) {
                return h.getString("value");
            }
        }
        return null;
    }
}
