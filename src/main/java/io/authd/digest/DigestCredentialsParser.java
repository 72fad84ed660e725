package io.authd.digest;

import java.nio.charset.Charset;

/**
 * Reads Digest credentials (RFC 7616 §3.4, RFC 3261 §22.4 / RFC 8760 for SIP) from parsed
 * {@link Credentials}, checking form only: whether the response is right, the realm ours or the nonce
 * fresh is the caller's job. Every directive may be quoted or not, since clients differ
 * ({@code qop="auth"}, {@code algorithm="MD5"}); unknown directives are ignored (RFC 7616 §3.4:
 * "Any unrecognized directive MUST be ignored").
 *
 * <p>An unknown algorithm is not malformed: it gives {@link DigestParse.Valid} with a null
 * {@code algorithm}, which the caller answers {@code unsupported_algorithm}.
 *
 * <p>Instances are single-use; use {@link #parse(Credentials)}.
 */
public final class DigestCredentialsParser {
    /** RFC 7616 §3.4: nc-value = 8LHEX. */
    private static final int NC_LENGTH = 8;

    // The directives of RFC 7616 §3.4 read here, by their slot in NAMES and in values.
    private static final int USERNAME = 0;
    private static final int USERNAME_STAR = 1;
    private static final int REALM = 2;
    private static final int NONCE = 3;
    private static final int URI = 4;
    private static final int RESPONSE = 5;
    private static final int ALGORITHM = 6;
    private static final int CNONCE = 7;
    private static final int OPAQUE = 8;
    private static final int QOP = 9;
    private static final int NC = 10;
    private static final int USERHASH = 11;
    private static final String[] NAMES = {"username", "username*", "realm", "nonce", "uri", "response",
        "algorithm", "cnonce", "opaque", "qop", "nc", "userhash"};
    /** RFC 7616 §3.4: realm, nonce, uri and response are required (username is checked with username*). */
    private static final int[] REQUIRED = {REALM, NONCE, URI, RESPONSE};

    private final Credentials in;
    /** Each directive's value by slot, read once: the checks ask for about twenty values. */
    private final String[] values = new String[NAMES.length];
    private String username;
    private boolean userhash;
    private DigestAlgorithm algorithm;
    private String algorithmToken;
    private String cnonce;
    private Qop qop;
    private String nc;
    private long ncValue = -1;

    private DigestCredentialsParser(Credentials in) {
        this.in = in;
        for (AuthParam p : in.params()) {
            int slot = slot(p.name());
            if (slot >= 0 && values[slot] == null) { // the first, as Credentials.param finds it
                values[slot] = p.value();
            }
        }
    }

    /** Checks {@code credentials} as Digest credentials. */
    public static DigestParse parse(Credentials credentials) {
        return new DigestCredentialsParser(credentials).run();
    }

    private DigestParse run() {
        // In this order: each check relies on the ones before it (userhash on algorithm, qop on algorithm).
        String reason = scheme();
        reason = reason != null ? reason : required();
        reason = reason != null ? reason : algorithm();
        reason = reason != null ? reason : username();
        reason = reason != null ? reason : userhash();
        reason = reason != null ? reason : qop();
        reason = reason != null ? reason : response();
        if (reason != null) {
            return new DigestParse.Malformed(reason);
        }
        return new DigestParse.Valid(new DigestCredentials(username, userhash, value(REALM), value(NONCE),
                value(URI), value(RESPONSE), algorithm, algorithmToken, cnonce, value(OPAQUE), qop, nc,
                ncValue));
    }

    private String scheme() {
        if (!in.isScheme("Digest")) {
            return "auth-scheme is not Digest";
        }
        return in.token68() == null ? null : "Digest credentials hold a token68 instead of parameters";
    }

    private String required() {
        for (int slot : REQUIRED) {
            String reason = nonEmpty(slot);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** RFC 7616 §3.4: algorithm absent means MD5; its grammar is a token even when quoted. */
    private String algorithm() {
        String token = value(ALGORITHM);
        if (token == null) {
            algorithm = DigestAlgorithm.MD5;
            algorithmToken = algorithm.token();
            return null;
        }
        if (!HttpChars.isToken(token)) {
            return "parameter \"algorithm\" is not a token";
        }
        algorithmToken = token;
        algorithm = DigestAlgorithm.fromToken(token).orElse(null);
        return null;
    }

    /** RFC 7616 §3.4: exactly one of username and username* (RFC 8187 encoded). */
    private String username() {
        String extended = value(USERNAME_STAR);
        if (extended == null) {
            username = value(USERNAME);
            return nonEmpty(USERNAME);
        }
        if (value(USERNAME) != null) {
            return "both \"username\" and \"username*\" present";
        }
        return decodeExtendedUsername(extended);
    }

    /** RFC 8187 §3.2.1: ext-value = charset "'" [ language ] "'" value-chars. */
    private String decodeExtendedUsername(String extValue) {
        int charsetEnd = extValue.indexOf('\'');
        int languageEnd = charsetEnd < 0 ? -1 : extValue.indexOf('\'', charsetEnd + 1);
        if (languageEnd < 0 || !ExtValue.isLanguage(extValue.substring(charsetEnd + 1, languageEnd))) {
            return "parameter \"username*\" is not an RFC 8187 ext-value";
        }
        Charset charset = ExtValue.charset(extValue.substring(0, charsetEnd));
        if (charset == null) {
            return "unsupported charset in parameter \"username*\" (UTF-8 or ISO-8859-1 expected)";
        }
        byte[] bytes = ExtValue.percentDecode(extValue.substring(languageEnd + 1));
        if (bytes == null) {
            return "invalid character or percent-escape in parameter \"username*\"";
        }
        username = ExtValue.decode(bytes, charset);
        return checkDecodedUsername(charset);
    }

    private String checkDecodedUsername(Charset charset) {
        if (username == null) {
            return "invalid " + charset.name() + " in parameter \"username*\"";
        }
        if (username.isEmpty()) {
            return "empty parameter \"username*\"";
        }
        // A percent-encoded NUL or CR LF must not reach credential lookups and logs.
        return HttpChars.findForbidden(username) == null ? null : "control character in decoded parameter \"username*\"";
    }

    /** RFC 7616 §3.4.4: userhash = "true" / "false", default false. */
    private String userhash() {
        String flag = value(USERHASH);
        if (flag == null || HttpChars.equalsIgnoreAsciiCase(flag, "false")) {
            return null;
        }
        if (!HttpChars.equalsIgnoreAsciiCase(flag, "true")) {
            return "parameter \"userhash\" must be \"true\" or \"false\"";
        }
        userhash = true;
        // RFC 7616 §3.4.4: a hashed username is hex, so it never needs the username* encoding.
        if (value(USERNAME_STAR) != null) {
            return "parameter \"username*\" with userhash=true";
        }
        if (algorithm != null && !HttpChars.isHex(username, algorithm.hash().hexLength())) {
            return "userhash=true but \"username\" is not " + algorithm.hash().hexLength() + " hex digits";
        }
        return null;
    }

    /** RFC 7616 §3.4: qop is a single qop-value from the challenge; with it, cnonce and nc are required. */
    private String qop() {
        String token = value(QOP);
        if (token == null) {
            return withoutQop();
        }
        qop = HttpChars.isToken(token) ? Qop.fromToken(token).orElse(null) : null;
        if (qop == null) {
            return "parameter \"qop\" must be \"auth\" or \"auth-int\"";
        }
        String reason = nonEmpty(CNONCE);
        if (reason == null) {
            reason = nonEmpty(NC);
        }
        return reason != null ? reason + " (required with qop)" : nonceCount();
    }

    /** RFC 7616 §3.4: nc = 8LHEX, counting from 00000001; upper-case hex is accepted. */
    private String nonceCount() {
        cnonce = value(CNONCE);
        nc = value(NC);
        if (!HttpChars.isHex(nc, NC_LENGTH)) {
            return "parameter \"nc\" must be " + NC_LENGTH + " hex digits";
        }
        ncValue = Long.parseLong(nc, 16);
        return ncValue == 0 ? "parameter \"nc\" must not be zero" : null;
    }

    /** RFC 2617 §3.2.2: cnonce and nonce-count MUST NOT be sent without qop. */
    private String withoutQop() {
        for (int slot : new int[] {CNONCE, NC}) {
            if (value(slot) != null) {
                return "parameter \"" + NAMES[slot] + "\" without qop";
            }
        }
        // RFC 7616 §3.4.2: a -sess HA1 covers the cnonce, which only exists with qop.
        if (algorithm != null && algorithm.session()) {
            return "algorithm " + algorithm.token() + " without qop";
        }
        return null;
    }

    /** RFC 7616 §3.4.1: the response is the hex request-digest; its length follows from the algorithm. */
    private String response() {
        if (algorithm == null) {
            return null; // unsupported_algorithm is the caller's answer, whatever the response looks like
        }
        int length = algorithm.hash().hexLength();
        return HttpChars.isHex(value(RESPONSE), length) ? null
                : "parameter \"response\" must be " + length + " hex digits for " + algorithm.token();
    }

    private String nonEmpty(int slot) {
        String name = NAMES[slot];
        String value = value(slot);
        if (value == null) {
            return "missing parameter \"" + name + "\"";
        }
        return value.isEmpty() ? "empty parameter \"" + name + "\"" : null;
    }

    private String value(int slot) {
        return values[slot];
    }

    /**
     * The slot of a directive this parser reads, -1 for any other name. The parser hands these names over as the
     * very string constants in {@link #NAMES}, and {@link String#equals} checks identity first.
     */
    private static int slot(String lowercaseName) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(lowercaseName)) {
                return i;
            }
        }
        return -1;
    }
}
