package io.authd.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One real server shared by a test class's methods, on {@link TestServer#CONFIG} with Basic and API-key headers
 * switched on in some of its realms (whose users the credentials file already holds):
 * <ul>
 *   <li>{@code example.com}: Digest (six algorithms), API keys also in {@code X-API-Key}, Basic over TLS only;</li>
 *   <li>{@code sha256.example.com}: Basic also over plain http ({@code requireTls: false});</li>
 *   <li>{@code sip.example.com}: Basic enabled, so SIP's refusal is SIP's own;</li>
 *   <li>{@code md5.example.com}: API keys in {@code Authorization: Bearer} only, no Basic.</li>
 * </ul>
 */
public abstract class BasicRealmsEndToEndTest {
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.startWith(dir, TestKeys.ring(1), MutableClock.at("2026-11-23T10:00:00Z"), basicRealmsConfig());
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** {@code Authorization: Basic} for {@code user} and {@code password}, UTF-8 (RFC 7617 §2.1). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@link TestServer#CONFIG} with the realms above. */
    public static String basicRealmsConfig() {
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
