package io.authd.api.http;

import io.authd.auth.Decision;
import io.authd.auth.Role;
import io.authd.auth.VerifyRequest;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the original request of nginx auth_request, Traefik ForwardAuth, Caddy forward_auth or Envoy's HTTP
 * ext_authz from headers (contract "ANY /v1/forward-auth"); the answer's status is the Decision's.
 */
final class ForwardAuth {
    private ForwardAuth() {
    }

    static Decoded<VerifyRequest> request(HttpServerRequest req, ApiRequests requests) {
        MultiMap h = req.headers();
        String role = req.getParam("role");
        boolean proxy = Role.PROXY.wireName().equals(role);
        List<String> authorization = utf8(h.getAll(proxy ? "Proxy-Authorization" : "Authorization"));
        String method = first(h.get("X-Original-Method"), h.get("X-Forwarded-Method"), req.method().name());
        String uri = first(h.get("X-Original-URI"), h.get("X-Forwarded-Uri"), req.uri());
        return requests.forwardAuth(req.getParam("protocol"), role, req.getParam("realm"), req.getParam("scope"),
                method, uri, authorization, clientAddress(req), secure(h), h::get);
    }

    /**
     * The proxy in front says the client's request came over TLS: {@code X-Forwarded-Proto: https} (the first entry
     * when proxies appended theirs). The forward-auth call's own transport says nothing about the client's.
     */
    private static boolean secure(MultiMap h) {
        String proto = h.get("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        return (comma < 0 ? proto : proto.substring(0, comma)).strip().equalsIgnoreCase("https");
    }

    /** Status, headers and the Decision as JSON (nginx ignores the body; people debugging do not). */
    static Future<Void> respond(HttpServerRequest req, Decision d) {
        var resp = req.response().setStatusCode(d.status());
        d.headers().forEach(f -> resp.headers().add(f.name(), f.value()));
        WireDecision.upstreamHeaders(d).forEach(f -> resp.putHeader(f.name(), f.value()));
        resp.putHeader("Content-Type", "application/json");
        return resp.end(JsonWriter.decision(d));
    }

    private static String clientAddress(HttpServerRequest req) {
        String real = req.getHeader("X-Real-IP");
        if (real != null && !real.isBlank()) {
            return real.strip();
        }
        String xff = req.getHeader("X-Forwarded-For");
        if (xff != null && !xff.isBlank()) {
            int comma = xff.indexOf(',');
            return (comma < 0 ? xff : xff.substring(0, comma)).strip();
        }
        return req.remoteAddress() == null ? null : req.remoteAddress().host();
    }

    private static String first(String a, String b, String fallback) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : fallback;
    }

    /**
     * HTTP/1 header bytes reach us one char per byte (ISO-8859-1). Clients that send a raw UTF-8 username
     * mean UTF-8 (RFC 7616 §3.4 with charset=UTF-8), so valid UTF-8 is decoded as such; anything else is
     * left as it came, for the parser to judge.
     */
    static List<String> utf8(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(decodeUtf8IfValid(v));
        }
        return out;
    }

    private static String decodeUtf8IfValid(String v) {
        byte[] bytes = new byte[v.length()];
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c > 0xFF) {
                return v;
            }
            bytes[i] = (byte) c;
        }
        if (v.chars().allMatch(c -> c < 0x80)) {
            return v;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return v;
        }
    }

    /**
     * X-Authd-User and X-Authd-Realm carry names that may hold non-ASCII or control characters: those
     * (and {@code %}) are percent-encoded as UTF-8 (RFC 3986 §2.1) so a header can never be split or forged.
     */
    static String headerSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean plain = c >= 0x20 && c < 0x7F && c != '%';
            if (!plain && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (plain) {
                    b.append(c);
                } else {
                    int cp = s.codePointAt(i);
                    for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                                .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
                    }
                    i += Character.charCount(cp) - 1;
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
