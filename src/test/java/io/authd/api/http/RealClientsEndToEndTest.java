package io.authd.api.http;

import io.authd.testing.Processes;
import io.authd.testing.EndToEndTest;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** /v1/forward-auth driven by clients nobody here wrote: curl --digest and Python's urllib. */
class RealClientsEndToEndTest extends EndToEndTest {
    static String curl;
    static String python;

    @BeforeAll
    static void findClients() throws Exception {
        curl = Processes.require("curl");
        python = Processes.require("python3");
    }

    /** curl --digest; prints "status user" from the last response. */
    private static String curlDigest(String realm, String user, String password, String... extra) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(curl, "-s", "-o", "/dev/null", "--digest", "-u", user + ":" + password,
                "-w", "%{http_code} %header{x-authd-user}"));
        cmd.addAll(List.of(extra));
        cmd.add(server.url("/v1/forward-auth?realm=" + realm));
        Processes.Result r = Processes.run(cmd);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }

    @Test
    void curlDigestMd5IsAllowed() throws Exception {
        assertThat(curlDigest("md5.example.com", "alice", "wonderland")).isEqualTo("200 alice");
    }

    @Test
    void curlDigestSha256IsAllowed() throws Exception {
        assertThat(curlDigest("sha256.example.com", "alice", "wonderland")).isEqualTo("200 alice");
    }

    @Test
    void curlPicksTheFirstOfSeveralChallengesAndIsAllowed() throws Exception {
        assertThat(curlDigest("sip.example.com", "bob", "zanzibar")).isEqualTo("200 bob");
    }

    @Test
    void curlWithUserhashOfferedIsAllowed() throws Exception {
        // example.com offers userhash=true; curl 7.88 then sends H(user:realm) as the username.
        assertThat(curlDigest("example.com", "alice", "wonderland")).isEqualTo("200 alice");
    }

    @Test
    void curlWithAWrongPasswordGets401() throws Exception {
        assertThat(curlDigest("md5.example.com", "alice", "guess")).isEqualTo("401");
    }

    @Test
    void curlPostThroughForwardAuthIsAllowed() throws Exception {
        assertThat(curlDigest("sha256.example.com", "bob", "zanzibar", "-X", "POST", "--data", "x=1")).isEqualTo("200 bob");
    }

    /**
     * One curl process per request: curl 7.88 breaks HTTP/2 prior knowledge when it reuses the connection for
     * the second, authenticated request (curl PR #10643, fixed in 8.0), so --digest cannot be used here.
     */
    @Test
    void curlOverHttp2PriorKnowledgeIsAllowed() throws Exception {
        String url = server.url("/v1/forward-auth?realm=md5.example.com");
        Processes.Result challenge = Processes.run(List.of(curl, "-s", "-o", "/dev/null", "--http2-prior-knowledge",
                "-w", "%{http_version} %header{www-authenticate}", url));
        assertThat(challenge.stdout()).startsWith("2 Digest ");
        String header = challenge.stdout().substring(2);
        String auth = io.authd.testing.ClientDigest.authorization(header, "alice", "wonderland", "GET",
                "/v1/forward-auth?realm=md5.example.com", "00000001", "h2c", "auth", null);
        Processes.Result allowed = Processes.run(List.of(curl, "-s", "-o", "/dev/null", "--http2-prior-knowledge",
                "-H", "Authorization: " + auth, "-w", "%{http_version} %{http_code} %header{x-authd-user}", url));
        assertThat(allowed.stdout()).isEqualTo("2 200 alice");
    }

    @Test
    void pythonUrllibDigestHandlerIsAllowed() throws Exception {
        assertThat(urllib("md5.example.com", "alice", "wonderland")).isEqualTo("200 alice");
    }

    @Test
    void pythonUrllibWithAWrongPasswordGets401() throws Exception {
        assertThat(urllib("md5.example.com", "alice", "guess")).isEqualTo("401");
    }

    private static String urllib(String realm, String user, String password) throws Exception {
        Path script = dir.resolve("urllib_digest.py");
        if (!Files.exists(script)) {
            try (var in = RealClientsEndToEndTest.class.getResourceAsStream("/clients/urllib_digest.py")) {
                Files.write(script, in.readAllBytes());
            }
        }
        Processes.Result r = Processes.run(List.of(python, script.toString(),
                server.url("/v1/forward-auth?realm=" + realm), realm, user, password));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().strip();
    }
}
