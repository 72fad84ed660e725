package io.authd.digest;

import io.authd.auth.Protocol;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether the digest {@code uri} designates the request target.
 *
 * <p>HTTP (RFC 7616 §3.4.6): the same resource; the uri may be in origin-form ({@code /a?b}) while the
 * caller reports absolute-form ({@code http://h/a?b}) or the reverse (proxies see absolute-form), so those
 * compare by path and query. SIP (RFC 3261 §19.1.4): URI equivalence, i.e. scheme and host ignore case,
 * user and password do not; parameters present in both must match, and {@code user}, {@code ttl},
 * {@code method}, {@code maddr} and {@code transport} must match even when only one side has them; headers
 * must match.
 */
public final class DigestUris {
    private static final Set<String> SIP_PARAMS_ALWAYS_COMPARED = Set.of("user", "ttl", "method", "maddr", "transport");

    private DigestUris() {
    }

    public static boolean matches(Protocol protocol, String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        return protocol == Protocol.SIP ? sipEquivalent(digestUri, requestUri)
                : originForm(digestUri).equals(originForm(requestUri));
    }

    /** The path and query of an absolute-form http(s) URI; other forms unchanged. */
    static String originForm(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme <= 0 || !uri.regionMatches(true, 0, "http", 0, 4)) {
            return uri;
        }
        int path = uri.indexOf('/', scheme + 3);
        return path < 0 ? "/" : uri.substring(path);
    }

    static boolean sipEquivalent(String a, String b) {
        SipUri x = SipUri.parse(a);
        SipUri y = SipUri.parse(b);
        return x != null && y != null && x.scheme.equalsIgnoreCase(y.scheme) && x.userinfo.equals(y.userinfo)
                && x.hostport.equalsIgnoreCase(y.hostport) && paramsEquivalent(x.params, y.params)
                && x.headers.equals(y.headers);
    }

    private static boolean paramsEquivalent(Map<String, String> x, Map<String, String> y) {
        for (var e : x.entrySet()) {
            String other = y.get(e.getKey());
            if (other == null ? SIP_PARAMS_ALWAYS_COMPARED.contains(e.getKey()) : !other.equalsIgnoreCase(e.getValue())) {
                return false;
            }
        }
        for (String k : y.keySet()) {
            if (!x.containsKey(k) && SIP_PARAMS_ALWAYS_COMPARED.contains(k)) {
                return false;
            }
        }
        return true;
    }

    private record SipUri(String scheme, String userinfo, String hostport, Map<String, String> params,
                          String headers) {
        static SipUri parse(String uri) {
            int colon = uri.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            String scheme = uri.substring(0, colon);
            if (!scheme.equalsIgnoreCase("sip") && !scheme.equalsIgnoreCase("sips")) {
                return null;
            }
            String rest = uri.substring(colon + 1);
            int q = rest.indexOf('?');
            String headers = q < 0 ? "" : rest.substring(q + 1);
            rest = q < 0 ? rest : rest.substring(0, q);
            int at = rest.lastIndexOf('@');
            String userinfo = at < 0 ? "" : rest.substring(0, at);
            String hostAndParams = rest.substring(at + 1);
            String[] parts = hostAndParams.split(";", -1);
            return new SipUri(scheme, userinfo, parts[0], params(parts), headers);
        }

        private static Map<String, String> params(String[] parts) {
            Map<String, String> params = new HashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                String name = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).toLowerCase(Locale.ROOT);
                params.put(name, eq < 0 ? "" : parts[i].substring(eq + 1));
            }
            return params;
        }
    }
}
