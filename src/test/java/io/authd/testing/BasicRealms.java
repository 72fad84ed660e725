package io.authd.testing;

/**
 * {@link TestServer#CONFIG} with Basic and API-key headers switched on in some of its realms (whose users the
 * credentials file already holds):
 * <ul>
 *   <li>{@code example.com}: Digest (six algorithms), API keys also in {@code X-API-Key}, Basic over TLS only;</li>
 *   <li>{@code sha256.example.com}: Basic also over plain http ({@code requireTls: false});</li>
 *   <li>{@code sip.example.com}: Basic enabled, so SIP's refusal is SIP's own;</li>
 *   <li>{@code md5.example.com}: API keys in {@code Authorization: Bearer} only, no Basic.</li>
 * </ul>
 */
public final class BasicRealms {
    private BasicRealms() {
    }

    public static String config() {
        return TestServer.CONFIG
                .replace("    nextNonceAfter: 0.8\n", """
                            nextNonceAfter: 0.8
                            bearer: { apiKeys: true, apiKeyHeader: X-API-Key }
                            basic: { enabled: true }
                        """)
                .replace("  - name: sha256.example.com\n    algorithms: [SHA-256]\n    qop: [auth]\n", """
                          - name: sha256.example.com
                            algorithms: [SHA-256]
                            qop: [auth]
                            basic: { enabled: true, requireTls: false }
                        """)
                .replace("    sipUriCheck: strict\n", "    sipUriCheck: strict\n    basic: { enabled: true }\n")
                .replace("  - name: md5.example.com\n    algorithms: [MD5]\n    qop: [auth]\n", """
                          - name: md5.example.com
                            algorithms: [MD5]
                            qop: [auth]
                            bearer: { apiKeys: true }
                        """);
    }
}
