package io.authd.digest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The pieces of an RFC 8187 ext-value ({@code charset "'" [ language ] "'" value-chars}), decoded
 * strictly: each method answers null for input it cannot accept rather than guessing, because a lenient
 * decoder lets two spellings name the same user.
 */
final class ExtValue {
    /** RFC 8187 §3.2.1: attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~". */
    private static final String ATTR_SYMBOLS = "!#$&+-.^_`|~";

    private ExtValue() {
    }

    /** RFC 8187 §3.2.1: recipients MUST support UTF-8 and ISO-8859-1; other charsets are refused. */
    static Charset charset(String name) {
        if (HttpChars.equalsIgnoreAsciiCase(name, "UTF-8")) {
            return StandardCharsets.UTF_8;
        }
        return HttpChars.equalsIgnoreAsciiCase(name, "ISO-8859-1") ? StandardCharsets.ISO_8859_1 : null;
    }

    /** A Language-Tag (RFC 5646) is built from ALPHA, DIGIT and "-"; its content is otherwise unused. */
    static boolean isLanguage(String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (!HttpChars.isAlphaNum(tag.charAt(i)) && tag.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** RFC 8187 §3.2.1: value-chars = *( pct-encoded / attr-char ); null on any other character or a bad escape. */
    static byte[] percentDecode(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? HttpChars.hexValue(s.charAt(i + 1)) : -1;
                int lo = hi < 0 ? -1 : HttpChars.hexValue(s.charAt(i + 2));
                if (lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (HttpChars.isAlphaNum(c) || ATTR_SYMBOLS.indexOf(c) >= 0) {
                out[n++] = (byte) c;
            } else {
                return null;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Decodes with REPORT for malformed and unmappable input, so invalid UTF-8 ({@code C3 28}), overlong
     * forms ({@code C0 AF}) and encoded surrogates are refused instead of becoming U+FFFD. Null if refused.
     */
    static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // Neither charset yields more chars than bytes, so the buffer never overflows.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (!result.isUnderflow() || !decoder.flush(out).isUnderflow()) {
            return null;
        }
        return out.flip().toString();
    }
}
