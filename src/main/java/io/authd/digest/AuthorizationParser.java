package io.authd.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses an {@code Authorization} / {@code Proxy-Authorization} field value into credentials, treating
 * bad input as data: every input gives {@link AuthorizationParse.Parsed} or
 * {@link AuthorizationParse.Malformed}, never an exception. A hand-written scanner, no regex, so the
 * cost is linear in the (bounded) input.
 *
 * <p>Grammar (RFC 9110 §11.2–§11.4, §5.6; SIP uses the same shape, RFC 3261 §25.1):
 * <pre>
 * credentials   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 * auth-param    = token BWS "=" BWS ( token / quoted-string )
 * token68       = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 * quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE
 * </pre>
 * One value may hold several credentials separated by commas: SIP requests carry one per realm, and
 * combined header lines read {@code Digest a="1", b=2, Digest c="3"}. Because an auth-param is a token
 * followed by BWS and {@code "="}, a list element that is a token followed by whitespace and then not
 * {@code "="} (or by a comma or the end) starts new credentials. Empty list elements are skipped
 * (RFC 9110 §5.6.1). Parameter names are returned lowercased. Non-ASCII characters are accepted inside
 * quoted-strings (obs-text: values may arrive already decoded from JSON), but control characters other
 * than HTAB, and unpaired UTF-16 surrogates, are malformed anywhere.
 *
 * <p>Limits, each answered as {@code Malformed} with the limit in the reason:
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>constant</th><th>value</th><th>bounds</th></tr>
 *   <tr><td>{@link #MAX_HEADER_LENGTH}</td><td>8192</td><td>characters in the whole value; checked first, so
 *       huge inputs cost O(1)</td></tr>
 *   <tr><td>{@link #MAX_CREDENTIALS}</td><td>8</td><td>credentials in one value</td></tr>
 *   <tr><td>{@link #MAX_PARAMS}</td><td>32</td><td>auth-params in one credentials</td></tr>
 *   <tr><td>{@link #MAX_VALUE_LENGTH}</td><td>1024</td><td>characters in one auth-param value (unescaped);
 *       a token68 is bounded by the header limit only, since Bearer JWTs are often longer</td></tr>
 * </table>
 *
 * <p>Instances are single-use scanner state; use {@link #parse(String)}.
 */
public final class AuthorizationParser {
    /** Characters in the whole field value (Netty's {@code DEFAULT_MAX_HEADER_SIZE}). */
    public static final int MAX_HEADER_LENGTH = 8192;
    /** Credentials in one value; SIP sends one per realm, so a handful at most. */
    public static final int MAX_CREDENTIALS = 8;
    /** Auth-params per credentials; RFC 7616 §3.4 defines a dozen Digest directives. */
    public static final int MAX_PARAMS = 32;
    /** Characters in one auth-param value after unescaping. */
    public static final int MAX_VALUE_LENGTH = 1024;

    private static final String[] KNOWN_NAMES = {"username", "realm", "nonce", "uri", "response", "algorithm",
        "cnonce", "opaque", "qop", "nc", "userhash", "username*", "charset"};
    private static final AuthorizationParse NONE = new AuthorizationParse.Parsed(List.of());
    /** Parameter names echoed in reasons are cut to this length: the log needs a hint, not a payload. */
    private static final int MAX_NAME_IN_REASON = 32;

    private final String in;
    /**
     * {@code in} as chars, copied once: scanning an array costs the JIT less than {@code String.charAt}, which
     * checks the string's coder and index for every character of every header.
     */
    private final char[] chars;
    private final int end;
    private final List<Credentials> done = new ArrayList<>();
    private int pos;
    private String scheme;
    private String token68;
    private List<AuthParam> params;
    /** A quoted-string held a character outside printable ASCII: a control or lone surrogate, perhaps. */
    private boolean unusualQuotedChar;

    private AuthorizationParser(String in) {
        this.in = in;
        this.chars = in.toCharArray();
        this.end = chars.length;
    }

    /**
     * Parses one field value. Null, empty or blank input is {@code Parsed} with no credentials: the
     * caller treats it as no credentials at all.
     */
    public static AuthorizationParse parse(String headerValue) {
        if (headerValue == null) {
            return NONE;
        }
        // Length first: a 1 MiB value is refused without being looked at.
        if (headerValue.length() > MAX_HEADER_LENGTH) {
            return new AuthorizationParse.Malformed("header longer than " + MAX_HEADER_LENGTH + " characters");
        }
        return HttpChars.isBlank(headerValue) ? NONE : new AuthorizationParser(headerValue).run();
    }

    private AuthorizationParse run() {
        String reason = parseElements();
        // Forbidden characters are refused wherever they are and named before any other problem. Outside
        // quoted-strings the scanner only accepts token, token68, separator and whitespace characters, so a
        // value that parsed can only hold them inside a quoted-string: one pass over the whole value is needed
        // only then, or when the parse failed (perhaps on one of them).
        if (reason != null || unusualQuotedChar) {
            String forbidden = HttpChars.findForbidden(in);
            if (forbidden != null) {
                return new AuthorizationParse.Malformed(forbidden);
            }
        }
        if (reason != null) {
            return new AuthorizationParse.Malformed(reason);
        }
        finishCredentials();
        // RFC 9110 §5.6.1: empty elements do not count, and credentials need at least one.
        if (done.isEmpty()) {
            return new AuthorizationParse.Malformed("header holds only empty list elements");
        }
        return new AuthorizationParse.Parsed(done);
    }

    /** Each element parser stops at a comma or the end; RFC 9110 §5.6.1: skip empty list elements. */
    private String parseElements() {
        skipSeparators();
        while (pos < end) {
            String reason = parseElement();
            if (reason != null) {
                return reason;
            }
            skipSeparators();
        }
        return null;
    }

    /**
     * A list element: the first one is always an auth-scheme; a later one is an auth-param of the current
     * credentials if its token is followed by BWS "=", else it starts new credentials.
     */
    private String parseElement() {
        int start = pos;
        int tokenEnd = scanToken(start);
        if (tokenEnd == start) {
            return missingToken(start, "an auth-scheme or parameter name");
        }
        int next = skipWhitespace(tokenEnd);
        if (scheme != null && next < end && chars[next] == '=') {
            return parseParam(start, tokenEnd, next);
        }
        return startCredentials(start, tokenEnd);
    }

    private String startCredentials(int start, int schemeEnd) {
        finishCredentials();
        if (done.size() == MAX_CREDENTIALS) {
            return "more than " + MAX_CREDENTIALS + " credentials in one header";
        }
        scheme = in.substring(start, schemeEnd);
        token68 = null;
        params = new ArrayList<>(12); // a Digest answer has ten or eleven
        pos = skipWhitespace(schemeEnd);
        if (atElementEnd(pos)) {
            return null; // an auth-scheme alone
        }
        if (pos == schemeEnd) {
            // Not echoed: a scheme-less value is often a bare secret, such as base64 user-pass with "=" padding.
            return chars[pos] == '=' ? "missing auth-scheme before the first parameter"
                    : unexpected(pos, "after a token");
        }
        return parseToken68OrFirstParam();
    }

    private void finishCredentials() {
        if (scheme != null) {
            done.add(new Credentials(scheme, token68, params));
        }
    }

    /** RFC 9110 §11.4: after the scheme and 1*SP comes either one token68 or the first auth-param. */
    private String parseToken68OrFirstParam() {
        int token68End = scanToken68(pos);
        if (token68End > pos && atElementEnd(skipWhitespace(token68End))) {
            token68 = in.substring(pos, token68End);
            pos = skipWhitespace(token68End);
            return null;
        }
        int nameEnd = scanToken(pos);
        if (nameEnd == pos) {
            return missingToken(pos, "a token68 or parameter name");
        }
        int equals = skipWhitespace(nameEnd);
        if (equals < end && chars[equals] == '=') {
            return parseParam(pos, nameEnd, equals);
        }
        // The token is not echoed: in this position it may be a mangled secret (a Basic user-pass, say).
        return nameEnd < end && !HttpChars.isWhitespace(chars[nameEnd])
                ? unexpected(nameEnd, "in a parameter name or token68")
                : "auth-param without \"=\" after the auth-scheme";
    }

    private String parseParam(int nameStart, int nameEnd, int equals) {
        String name = paramName(nameStart, nameEnd);
        String reason = admitParam(name);
        if (reason != null) {
            return reason;
        }
        pos = skipWhitespace(equals + 1);
        reason = pos < end && chars[pos] == '"' ? parseQuotedValue(name) : parseTokenValue(name);
        if (reason != null) {
            return reason;
        }
        pos = skipWhitespace(pos);
        return atElementEnd(pos) ? null : unexpected(pos, "after parameter " + quote(name) + " (expected \",\")");
    }

    /**
     * The lowercased name; the Digest directives of RFC 7616 §3.4 come as the constants themselves, without a
     * substring per parameter (names are tokens, so ASCII: case-insensitive matching is exact here).
     */
    private String paramName(int start, int end) {
        int length = end - start;
        for (String known : KNOWN_NAMES) {
            if (known.length() == length && in.regionMatches(true, start, known, 0, length)) {
                return known;
            }
        }
        return in.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private String admitParam(String name) {
        // RFC 9110 §11.4: credentials carry a token68 or auth-params, never both.
        if (token68 != null) {
            return "token68 followed by parameter " + quote(name);
        }
        if (params.size() == MAX_PARAMS) {
            return "more than " + MAX_PARAMS + " parameters in one credentials";
        }
        // RFC 9110 §11.2: each parameter name MUST only occur once per challenge/credentials.
        for (AuthParam p : params) {
            if (p.name().equals(name)) {
                return "duplicate parameter " + quote(name);
            }
        }
        return null;
    }

    private String parseTokenValue(String name) {
        int valueEnd = scanToken(pos);
        if (valueEnd == pos) {
            return atElementEnd(pos) ? "parameter " + quote(name) + " has no value"
                    : unexpected(pos, "in the value of parameter " + quote(name));
        }
        String value = in.substring(pos, valueEnd);
        pos = valueEnd;
        return addParam(name, value, false);
    }

    /** RFC 9110 §5.6.4: quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ); controls were refused up front. */
    private String parseQuotedValue(String name) {
        int close = plainQuotedEnd(pos + 1);
        if (close >= 0) {
            String value = in.substring(pos + 1, close);
            pos = close + 1;
            return addParam(name, value, true);
        }
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < end && chars[i] != '"') {
            char c = chars[i++];
            if (c == '\\') {
                if (i == end) {
                    return "quoted-string of parameter " + quote(name) + " ends in a lone backslash";
                }
                c = chars[i++];
            }
            noteUnusual(c);
            value.append(c);
        }
        if (i == end) {
            return "unterminated quoted-string in parameter " + quote(name);
        }
        pos = i + 1;
        return addParam(name, value.toString(), true);
    }

    /** The closing quote of a quoted-string without quoted-pairs (the usual case: no copy needed), else -1. */
    private int plainQuotedEnd(int from) {
        for (int i = from; i < end; i++) {
            char c = chars[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\') {
                return -1;
            }
            noteUnusual(c);
        }
        return -1;
    }

    /** Remembers a quoted character that {@link HttpChars#findForbidden} must look at (HTAB and non-ASCII too). */
    private void noteUnusual(char c) {
        if (c < 0x20 || c >= 0x7f) {
            unusualQuotedChar = true;
        }
    }

    private String addParam(String name, String value, boolean quoted) {
        if (value.length() > MAX_VALUE_LENGTH) {
            return "value of parameter " + quote(name) + " longer than " + MAX_VALUE_LENGTH + " characters";
        }
        params.add(new AuthParam(name, value, quoted));
        return null;
    }

    private String missingToken(int at, String expected) {
        return chars[at] == '=' ? "\"=\" without a parameter name" : unexpected(at, "where " + expected + " was expected");
    }

    private String unexpected(int at, String context) {
        int c = in.codePointAt(at);
        String shown = c > ' ' && c < 0x7f ? "'" + (char) c + "'" : String.format("U+%04X", c);
        return "unexpected " + shown + " at offset " + at + " " + context;
    }

    private static String quote(String name) {
        String shown = name.length() > MAX_NAME_IN_REASON ? name.substring(0, MAX_NAME_IN_REASON) + "..." : name;
        return "\"" + shown + "\"";
    }

    private boolean atElementEnd(int i) {
        return i == end || chars[i] == ',';
    }

    private void skipSeparators() {
        while (pos < end && (chars[pos] == ',' || HttpChars.isWhitespace(chars[pos]))) {
            pos++;
        }
    }

    private int skipWhitespace(int i) {
        while (i < end && HttpChars.isWhitespace(chars[i])) {
            i++;
        }
        return i;
    }

    private int scanToken(int i) {
        while (i < end && HttpChars.isTchar(chars[i])) {
            i++;
        }
        return i;
    }

    private int scanToken68(int start) {
        int i = start;
        while (i < end && HttpChars.isToken68Char(chars[i])) {
            i++;
        }
        if (i == start) {
            return start;
        }
        while (i < end && chars[i] == '=') {
            i++;
        }
        return i;
    }
}
