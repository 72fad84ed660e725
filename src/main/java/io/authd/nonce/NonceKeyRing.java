package io.authd.nonce;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys every replica shares to mint and check nonces. The signing key is the one with the highest id
 * among those whose {@code notBefore} has passed; every key in the ring verifies.
 *
 * <p>Text format (file or the {@code AUTHD_NONCE_KEYS} variable), one key per line or comma-separated:
 * <pre>
 *   # id:secret[:notBefore]
 *   1:3q2+7w...base64 (32+ bytes)...
 *   2:Yk9vN...base64...:2026-12-01T00:00:00Z
 * </pre>
 * The secret is base64 (standard or URL alphabet, padding optional). {@code notBefore} is ISO-8601 or epoch
 * seconds. Rotation without a single failed nonce: add key 2 with a notBefore after the rollout finishes,
 * roll out, and remove key 1 once a nonce lifetime has passed after notBefore.
 */
public final class NonceKeyRing {
    /** HMAC-SHA256 keys shorter than the hash output weaken it (RFC 2104 §3). */
    public static final int MIN_SECRET_BYTES = 32;

    private final NonceKey[] byIdDescending;
    private final Map<Integer, NonceKey> byId;

    private NonceKeyRing(List<NonceKey> keys) {
        this.byIdDescending = keys.stream().sorted(Comparator.comparingInt(NonceKey::id).reversed())
                .toArray(NonceKey[]::new);
        this.byId = new HashMap<>();
        keys.forEach(k -> byId.put(k.id(), k));
    }

    /** A ring of the given keys; ids must be unique and at least one key present. */
    public static NonceKeyRing of(List<NonceKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a nonce key ring needs at least one key");
        }
        for (NonceKey k : keys) {
            if (k.secret().length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("nonce key " + k.id() + ": secret must be at least "
                        + MIN_SECRET_BYTES + " bytes");
            }
        }
        if (keys.stream().map(NonceKey::id).distinct().count() != keys.size()) {
            throw new IllegalArgumentException("nonce key ids must be unique");
        }
        return new NonceKeyRing(keys);
    }

    /** A single fresh random key: demo mode only, since no other replica can know it. */
    public static NonceKeyRing generate() {
        byte[] secret = new byte[MIN_SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        return of(List.of(new NonceKey(1, secret, 0)));
    }

    /** Parses the text format; the result names the line that is wrong, and never echoes a secret. */
    public static KeyRingParse parse(String text) {
        List<NonceKey> keys = new ArrayList<>();
        String[] entries = text.split("[,\\n]");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            String problem = parseEntry(entry, keys);
            if (problem != null) {
                return new KeyRingParse.Invalid("nonce key entry " + (i + 1) + ": " + problem);
            }
        }
        try {
            return new KeyRingParse.Parsed(of(keys));
        } catch (IllegalArgumentException e) {
            return new KeyRingParse.Invalid(e.getMessage());
        }
    }

    private static String parseEntry(String entry, List<NonceKey> into) {
        String[] parts = entry.split(":", 3);
        if (parts.length < 2) {
            return "expected id:secret[:notBefore]";
        }
        int id;
        try {
            id = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            return "id must be a number 1..65535";
        }
        if (id < 1 || id > 0xFFFF) {
            return "id must be a number 1..65535";
        }
        byte[] secret;
        try {
            secret = decodeBase64(parts[1].strip());
        } catch (IllegalArgumentException e) {
            return "secret of key " + id + " is not base64";
        }
        long notBefore = parts.length == 3 ? parseInstant(parts[2].strip()) : 0;
        if (notBefore < 0) {
            return "notBefore of key " + id + " must be ISO-8601 (2026-12-01T00:00:00Z) or epoch seconds";
        }
        into.add(new NonceKey(id, secret, notBefore));
        return null;
    }

    private static byte[] decodeBase64(String s) {
        String url = s.replace('+', '-').replace('/', '_');
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        return Base64.getUrlDecoder().decode(url.substring(0, end));
    }

    private static long parseInstant(String s) {
        try {
            return s.chars().allMatch(Character::isDigit) ? Long.parseLong(s) * 1000 : Instant.parse(s).toEpochMilli();
        } catch (NumberFormatException | DateTimeParseException e) {
            return -1;
        }
    }

    /** The key that signs at {@code nowMillis}; if none is active yet, the oldest key (the ring is never silent). */
    public NonceKey signingKey(long nowMillis) {
        for (NonceKey k : byIdDescending) {
            if (k.notBefore() <= nowMillis) {
                return k;
            }
        }
        return byIdDescending[byIdDescending.length - 1];
    }

    /** The key with this id, or null when the ring no longer (or never) had it. */
    public NonceKey key(int id) {
        return byId.get(id);
    }

    public List<NonceKey> keys() {
        return List.of(byIdDescending);
    }
}
