package io.authd.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's side of Digest, written straight from RFC 7616 §3.4 with plain MessageDigest so the end-to-end
 * tests do not check authd's hashing against itself.
 */
public final class ClientDigest {
    private static final Pattern PARAM = Pattern.compile("([A-Za-z0-9_-]+)=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^,\\s]+)");

    private ClientDigest() {
    }

    /** The parameters of a challenge or Authentication-Info value, lowercase names, unquoted values. */
    public static Map<String, String> params(String header) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.startsWith("Digest ") ? header.substring(7) : header);
        while (m.find()) {
            String v = m.group(3) != null ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(2);
            out.put(m.group(1).toLowerCase(), v);
        }
        return out;
    }

    public static String h(String algorithm, String data) {
        return hRaw(algorithm, data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hRaw(String algorithm, byte[] data) {
        String base = algorithm.toUpperCase().replace("-SESS", "");
        String jca = base.equals("SHA-512-256") ? "SHA-512/256" : base;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(jca).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException(algorithm, e);
        }
    }

    /** RFC 7616 §3.4.1 response (method "" gives rspauth). */
    public static String response(String algorithm, String user, String realm, String password, String method,
                                  String uri, String nonce, String nc, String cnonce, String qop, byte[] body) {
        String ha1 = h(algorithm, user + ":" + realm + ":" + password);
        if (algorithm.endsWith("-sess")) {
            ha1 = h(algorithm, ha1 + ":" + nonce + ":" + cnonce);
        }
        String a2 = method + ":" + uri;
        if ("auth-int".equals(qop)) {
            a2 += ":" + hRaw(algorithm, body == null ? new byte[0] : body);
        }
        String ha2 = h(algorithm, a2);
        return qop == null ? h(algorithm, ha1 + ":" + nonce + ":" + ha2)
                : h(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    /** An Authorization value answering {@code challenge}. */
    public static String authorization(String challenge, String user, String password, String method, String uri,
                                       String nc, String cnonce, String qop, byte[] body) {
        Map<String, String> c = params(challenge);
        String algorithm = c.getOrDefault("algorithm", "MD5");
        String realm = c.get("realm");
        String response = response(algorithm, user, realm, password, method, uri, c.get("nonce"), nc, cnonce, qop, body);
        StringBuilder b = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(c.get("nonce")).append("\", uri=\"").append(uri)
                .append("\", response=\"").append(response).append("\", algorithm=").append(algorithm);
        if (c.containsKey("opaque")) {
            b.append(", opaque=\"").append(c.get("opaque")).append('"');
        }
        if (qop != null) {
            b.append(", qop=").append(qop).append(", nc=").append(nc).append(", cnonce=\"").append(cnonce).append('"');
        }
        return b.toString();
    }
}
