package io.authd.basic;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;

/**
 * Decodes the token68 of Basic credentials (RFC 7617 §2) into user-id and password, treating bad input as data:
 * every input gives {@link Valid} or {@link Malformed}, never an exception, and no reason ever holds the input.
 *
 * <p>authd always announces {@code charset="UTF-8"}, so user-pass is decoded as UTF-8 (RFC 7617 §2.1) and then
 * normalised to Unicode NFC, as the UsernameCasePreserved and OpaqueString profiles of RFC 8265 that §2.1 names do:
 * stored usernames and the passwords behind stored HA1s are NFC too.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>constant</th><th>value</th><th>bounds</th></tr>
 *   <tr><td>{@link #MAX_TOKEN68_LENGTH}</td><td>4096</td><td>characters of base64, i.e. 3 KiB of user-pass; checked
 *       first, so a huge value costs O(1)</td></tr>
 * </table>
 */
public final class BasicUserPass {
    /** Characters of the token68; far above any real user-id and password, far below the header limit. */
    public static final int MAX_TOKEN68_LENGTH = 4096;

    private BasicUserPass() {
    }

    /** What a token68 decodes to. */
    public sealed interface Decoded {
    }

    /** A user-id (without ':') and a password, both NFC. */
    public record Valid(String user, String password) implements Decoded {
        @Override
        public String toString() {
            return "Valid[user=" + user + ", password hidden]";
        }
    }

    /** @param reason why, for the Decision's detail; never the input */
    public record Malformed(String reason) implements Decoded {
    }

    public static Decoded decode(String token68) {
        if (token68 == null || token68.isEmpty()) {
            return new Malformed("Basic credentials without a user-pass token (RFC 7617 §2)");
        }
        if (token68.length() > MAX_TOKEN68_LENGTH) {
            return new Malformed("Basic credentials longer than " + MAX_TOKEN68_LENGTH + " characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token68);
        } catch (IllegalArgumentException e) {
            return new Malformed("Basic user-pass is not base64 (RFC 7617 §2, RFC 4648 §4)");
        }
        String userPass = utf8(bytes);
        if (userPass == null) {
            return new Malformed("Basic user-pass is not UTF-8 (RFC 7617 §2.1)");
        }
        // RFC 7617 §2: "The user-id and password MUST NOT contain any control characters".
        if (userPass.chars().anyMatch(Character::isISOControl)) {
            return new Malformed("Basic user-pass contains a control character (RFC 7617 §2)");
        }
        // RFC 7617 §2: a user-id containing a colon character is invalid, so the first colon splits.
        int colon = userPass.indexOf(':');
        if (colon < 0) {
            return new Malformed("Basic user-pass has no ':' between user-id and password (RFC 7617 §2)");
        }
        return new Valid(nfc(userPass.substring(0, colon)), nfc(userPass.substring(colon + 1)));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
