package io.authd.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;

import java.time.Duration;
import java.util.List;

/**
 * One realm's policy. Validated when built, so a realm that exists is usable.
 *
 * @param name              the realm as sent in challenges; required in every {@code realms} entry
 * @param algorithms        offered in this order, strongest first by default
 * @param qop               qop values offered; a client may answer with any of them
 * @param nonceLifetime     how long a nonce answers without {@code stale=true}
 * @param nextNonceAfter    share of the lifetime after which allow carries a {@code nextnonce} (0..1; 1 = never)
 * @param sipUriCheck       SIP only: whether the digest uri must match the Request-URI (proxies may rewrite it)
 * @param bindClientAddress nonces are bound to the client address they were minted for
 * @param allowNoQop        accept RFC 2069 answers without qop (no nonce-count, so no replay window)
 * @param userhash          offer {@code userhash=true} in HTTP challenges (RFC 7616 §3.4.4)
 * @param bearer            Bearer tokens accepted in this realm; null: none (then at least one algorithm is needed)
 * @param basic             Basic credentials accepted in this realm; null: none
 */
public record RealmOptions(@JsonProperty(required = true) String name, List<DigestAlgorithm> algorithms,
                           List<Qop> qop, Duration nonceLifetime, double nextNonceAfter, UriCheck sipUriCheck,
                           boolean bindClientAddress, boolean allowNoQop, boolean userhash,
                           BearerOptions bearer, BasicOptions basic) {

    /** SHA-256 first for clients that can; MD5 after it because most SIP phones know nothing else. */
    public static final List<DigestAlgorithm> DEFAULT_ALGORITHMS = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    public static final List<Qop> DEFAULT_QOP = List.of(Qop.AUTH);
    public static final Duration DEFAULT_NONCE_LIFETIME = Duration.ofMinutes(5);
    public static final double DEFAULT_NEXT_NONCE_AFTER = 0.8;

    public RealmOptions {
        Problems problems = new Problems();
        checkName(problems, name);
        // A realm may offer Bearer only; without Bearer, an empty list would leave nothing to answer with.
        problems.checkList("algorithms", algorithms, bearer != null, "", DigestAlgorithm::token);
        // Without qop there is no nonce-count, so an empty list only makes sense when RFC 2069 answers are wanted.
        problems.checkList("qop", qop, allowNoQop, "", Qop::token);
        if (problems.present(nonceLifetime, "nonceLifetime")) {
            problems.check(nonceLifetime.isPositive(), "nonceLifetime",
                    "must be positive, got '" + Durations.format(nonceLifetime) + "'");
        }
        problems.check(nextNonceAfter > 0 && nextNonceAfter <= 1, "nextNonceAfter",
                "must be in (0, 1] (1 = never send nextnonce), got " + nextNonceAfter);
        problems.present(sipUriCheck, "sipUriCheck");
        problems.throwIfAny();
        algorithms = List.copyOf(algorithms);
        qop = List.copyOf(qop);
    }

    /** True when the realm offers and accepts Basic credentials (its {@code basic} section says so). */
    public boolean basicEnabled() {
        return basic != null && basic.enabled();
    }

    /** A realm with every default: the policy each {@code realms} entry starts from. */
    public static RealmOptions defaults(String name) {
        return new RealmOptions(name, DEFAULT_ALGORITHMS, DEFAULT_QOP, DEFAULT_NONCE_LIFETIME, DEFAULT_NEXT_NONCE_AFTER,
                UriCheck.STRICT, false, false, true, null, null);
    }

    /**
     * The name is sent as a quoted-string (RFC 7616 §3.3): a {@code "} or {@code \} would need escaping that
     * clients handle inconsistently, and a control character (CR, LF) would let it break out of the header.
     */
    private static void checkName(Problems problems, String name) {
        if (!problems.present(name, "name")) {
            return;
        }
        problems.check(!name.isEmpty(), "name", "must not be empty");
        problems.check(name.chars().noneMatch(c -> c == '"' || c == '\\' || Character.isISOControl(c)), "name",
                "must not contain '\"', '\\' or control characters, got '" + printable(name) + "'");
    }

    /** Shows control characters as escapes, so the message does not itself carry a raw CR or LF. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
