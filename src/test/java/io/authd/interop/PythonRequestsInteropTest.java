package io.authd.interop;

import io.authd.testing.EndToEndTest;
import io.authd.testing.Processes;
import io.authd.testing.PythonRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's python3-requests (HTTPDigestAuth) against /v1/forward-auth. Unlike urllib it does SHA-256. It runs on
 * Debian's own interpreter, the one python3-requests is installed for (bin/lib/ensure-peers.sh).
 */
class PythonRequestsInteropTest extends EndToEndTest {
    private static Path script;

    @BeforeAll
    static void findRequests() throws Exception {
        script = PythonRequests.script(dir, "requests_digest.py");
    }

    /** "status user algorithm" as the script prints it. */
    private static String requests(String realm, String user, String password) throws Exception {
        Processes.Result r = Processes.run(List.of(PythonRequests.PYTHON, script.toString(),
                server.url("/v1/forward-auth?realm=" + realm), user, password));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MD5 is allowed                      | md5.example.com    | alice | wonderland | 200 alice MD5
            SHA-256 is allowed                  | sha256.example.com | bob   | zanzibar   | 200 bob SHA-256
            a wrong password gets 401           | sha256.example.com | alice | guess      | 401 - SHA-256
            """)
    void requestsIsAnsweredWhatAuthdDecided(String behaviour, String realm, String user, String password,
            String printed) throws Exception {
        assertThat(requests(realm, user, password)).isEqualTo(printed);
    }

    @Test
    void severalChallengesAreMergedAndTheLastOneIsAnsweredAndAllowed() throws Exception {
        // sip.example.com offers SHA-256, then MD5. requests joins the WWW-Authenticate headers into one and
        // reads it as one parameter list, so the last challenge's values win: it answers MD5 with MD5's nonce.
        assertThat(requests("sip.example.com", "alice", "wonderland")).isEqualTo("200 alice MD5");
    }
}
