package io.authd.digest;

import io.authd.auth.Protocol;
import io.authd.config.RealmOptions;

import java.util.List;

/**
 * Where HTTP Digest (RFC 7616) and SIP Digest (RFC 3261 §22 with RFC 8760) differ in what authd writes.
 * Every such difference lives here.
 *
 * <ul>
 *   <li>HTTP challenges carry {@code charset=UTF-8} (RFC 7616 §3.3, usernames and passwords are UTF-8)
 *       and, where the realm offers it, {@code userhash=true} (RFC 7616 §3.4.4). SIP has neither:
 *       RFC 8760 updates only the algorithms, and SIP stacks reject unknown challenge parameters unevenly.</li>
 *   <li>Parameter order follows each RFC's examples (RFC 7616 §3.9.1; RFC 3261 §22.4 and §25.1), which is
 *       what clients that scan headers naively were tested against.</li>
 * </ul>
 */
public enum DigestProfile {
    HTTP(true),
    SIP(false);

    private final boolean http;

    DigestProfile(boolean http) {
        this.http = http;
    }

    public static DigestProfile of(Protocol protocol) {
        return protocol == Protocol.SIP ? SIP : HTTP;
    }

    /** One challenge value (without the header name). */
    public String challenge(RealmOptions realm, DigestAlgorithm algorithm, String nonce, String opaque,
                            boolean stale) {
        StringBuilder b = new StringBuilder(200).append("Digest realm=");
        HeaderValues.appendQuoted(b, realm.name());
        if (http) {
            appendQop(b, realm.qop());
            b.append(", algorithm=").append(algorithm.token());
            b.append(", nonce=\"").append(nonce).append("\", opaque=\"").append(opaque).append('"');
            b.append(", charset=UTF-8");
            if (realm.userhash()) {
                b.append(", userhash=true");
            }
        } else {
            b.append(", nonce=\"").append(nonce).append("\", opaque=\"").append(opaque).append('"');
            b.append(", algorithm=").append(algorithm.token());
            appendQop(b, realm.qop());
        }
        if (stale) {
            b.append(", stale=true");
        }
        return b.toString();
    }

    /** RFC 7616 §3.3: qop is a quoted, comma-separated list; omitted where the realm offers none (RFC 2069). */
    private static void appendQop(StringBuilder b, List<Qop> qops) {
        if (qops.isEmpty()) {
            return;
        }
        b.append(", qop=\"");
        for (int i = 0; i < qops.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(qops.get(i).token());
        }
        b.append('"');
    }
}
