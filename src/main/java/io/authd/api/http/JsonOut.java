package io.authd.api.http;

import io.vertx.core.buffer.Buffer;

/**
 * Writes compact JSON text (RFC 8259) into a buffer each event-loop thread reuses, then copies it once into the
 * answer's {@link Buffer}. Every answer of the public API goes through here, so it does what Jackson's generator
 * did for these few shapes without its per-answer generator, context objects and intermediate stream. Output is
 * byte for byte what Jackson's default generator writes (UTF-8, no spaces, short escapes for the usual control
 * characters and six-character hex escapes for the others) for text in the Basic Multilingual Plane. Characters
 * beyond it are written as 4-byte UTF-8 (§8.1), where Jackson 2 writes a pair of surrogate escapes; a lone
 * UTF-16 surrogate, which Jackson refuses with an exception, is written as a hex escape (still valid JSON, §7).
 *
 * <p>Use: {@link #begin()}, then the writes, then {@link #toBuffer()}; not reentrant, not shared across threads.
 */
final class JsonOut {
    private static final ThreadLocal<JsonOut> PER_THREAD = ThreadLocal.withInitial(JsonOut::new);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A thread's buffer grows to its largest answer; beyond this it is dropped after use (a huge claims set). */
    private static final int KEEP_AT_MOST = 64 * 1024;

    private byte[] buf = new byte[1024];
    private int pos;
    /** A value (or a closed object/array) was just written: the next name or array element needs a comma. */
    private boolean afterValue;

    private JsonOut() {
    }

    /** This thread's writer, emptied. */
    static JsonOut begin() {
        JsonOut out = PER_THREAD.get();
        out.pos = 0;
        out.afterValue = false;
        return out;
    }

    /** The text written since {@link #begin()}, copied into an answer of its exact size. */
    Buffer toBuffer() {
        Buffer b = Buffer.buffer(pos).appendBytes(buf, 0, pos);
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[1024];
        }
        return b;
    }

    JsonOut startObject() {
        separate();
        put((byte) '{');
        afterValue = false;
        return this;
    }

    JsonOut endObject() {
        put((byte) '}');
        afterValue = true;
        return this;
    }

    JsonOut startArray() {
        separate();
        put((byte) '[');
        afterValue = false;
        return this;
    }

    JsonOut endArray() {
        put((byte) ']');
        afterValue = true;
        return this;
    }

    /** A member name; the value written next belongs to it. */
    JsonOut name(String name) {
        separate();
        quoted(name);
        put((byte) ':');
        afterValue = false;
        return this;
    }

    /** A string value; null writes {@code null}. */
    JsonOut string(String value) {
        separate();
        if (value == null) {
            ascii("null");
        } else {
            quoted(value);
        }
        afterValue = true;
        return this;
    }

    JsonOut number(long value) {
        separate();
        ascii(Long.toString(value));
        afterValue = true;
        return this;
    }

    /** RFC 8259 §6 has no NaN or infinities: those are written as strings, as Jackson does by default. */
    JsonOut number(double value) {
        return Double.isFinite(value) ? raw(Double.toString(value)) : string(Double.toString(value));
    }

    /** A number already in JSON's syntax (e.g. a BigDecimal's {@code toString}). */
    JsonOut raw(String number) {
        separate();
        ascii(number);
        afterValue = true;
        return this;
    }

    JsonOut bool(boolean value) {
        separate();
        ascii(value ? "true" : "false");
        afterValue = true;
        return this;
    }

    JsonOut nullValue() {
        return string(null);
    }

    JsonOut field(String name, String value) {
        return name(name).string(value);
    }

    JsonOut field(String name, long value) {
        return name(name).number(value);
    }

    JsonOut field(String name, boolean value) {
        return name(name).bool(value);
    }

    private void separate() {
        if (afterValue) {
            put((byte) ',');
        }
    }

    /** RFC 8259 §7: quotation mark, reverse solidus and the control characters must be escaped. */
    private void quoted(String s) {
        int n = s.length();
        ensure(n * 6 + 2); // the worst case: every char a six-byte escape
        byte[] b = buf;
        int p = pos;
        b[p++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                b[p++] = (byte) c;
            } else if (c < 0x80) {
                p = escapeAscii(c, p);
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                p = unicodeEscape(c, p);
            } else {
                b[p++] = (byte) (0xe0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        b[p++] = '"';
        pos = p;
    }

    private int escapeAscii(char c, int p) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case '\t' -> 't';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
        if (shortForm == 0) {
            return unicodeEscape(c, p);
        }
        buf[p] = '\\';
        buf[p + 1] = (byte) shortForm;
        return p + 2;
    }

    private int unicodeEscape(char c, int p) {
        byte[] b = buf;
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX[(c >> 12) & 0xf];
        b[p + 3] = HEX[(c >> 8) & 0xf];
        b[p + 4] = HEX[(c >> 4) & 0xf];
        b[p + 5] = HEX[c & 0xf];
        return p + 6;
    }

    /** Numbers and literals: ASCII by construction. */
    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[pos++] = b;
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }
}
