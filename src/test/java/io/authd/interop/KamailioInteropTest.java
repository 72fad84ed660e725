package io.authd.interop;

import io.authd.testing.EndToEndTest;
import io.authd.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/kamailio/kamailio.cfg in a real Kamailio in front of a real authd, driven by sipp with the scenarios of
 * examples/kamailio/sipp. sipp answers only MD5 and picks qop=auth-int: the example asks authd for MD5 challenges
 * and passes the body, and realm sip.example.com offers auth-int, so INVITE's SDP is covered by the digest.
 */
class KamailioInteropTest extends EndToEndTest {
    private static final Path SCENARIOS = Path.of("examples/kamailio/sipp");
    private static Peer.Listening kamailio;
    private static String sipp;

    @BeforeAll
    static void startKamailio() throws Exception {
        sipp = Peer.require("sipp", "sip-tester");
        kamailio = Kamailio.start(Files.createDirectories(dir.resolve("kamailio")), server.url("/v1/verify"),
                "sip.example.com");
    }

    @AfterAll
    static void stopKamailio() {
        if (kamailio != null) { // null when it did not start
            kamailio.close();
        }
    }

    /** sipp runs one call of the scenario against {@code via}; exit code 0 means every expected message came. */
    private static Sipp sipp(Peer.Listening via, Path scenario, String... args) throws Exception {
        String name = scenario.getFileName().toString().replace(".xml", "") + "-" + System.nanoTime();
        Path messages = dir.resolve(name + ".messages");
        List<String> cmd = new ArrayList<>(List.of(sipp, "-sf", scenario.toAbsolutePath().toString(), "-m", "1",
                "-i", "127.0.0.1", "-nostdin", "-timeout", "20s", "-timeout_error", "-recv_timeout", "5000",
                "-trace_msg", "-message_file", messages.toString()));
        cmd.addAll(List.of(args));
        cmd.add("127.0.0.1:" + via.port());
        Processes.Result r = Processes.run(cmd);
        return new Sipp(r.exitCode(), Files.exists(messages) ? Files.readString(messages) : "",
                r.stdout() + r.stderr());
    }

    record Sipp(int exitCode, String messages, String output) {
        String explain() {
            return "sipp exit " + exitCode + "\n" + output + "\nmessages:\n" + messages + "\n" + kamailio.log();
        }
    }

    private static Path resource(String name) throws Exception {
        Path file = dir.resolve(name);
        try (InputStream in = KamailioInteropTest.class.getResourceAsStream("/sipp/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void registerWithTheRightPasswordIsChallengedThenSaved() throws Exception {
        Sipp r = sipp(kamailio, SCENARIOS.resolve("register.xml"), "-s", "alice", "-au", "alice", "-ap", "wonderland");
        assertThat(r.exitCode()).as(r.explain()).isZero();
        assertThat(r.messages()).as(r.explain())
                .contains("WWW-Authenticate: Digest realm=\"sip.example.com\"")
                .contains("algorithm=MD5")
                .contains("SIP/2.0 200 OK")
                // the registrar's 200 lists the binding it saved, and carries authd's Authentication-Info
                .containsPattern("Contact: <sip:alice@127\\.0\\.0\\.1:\\d+>;expires=")
                .contains("Authentication-Info: qop=auth");
    }

    @Test
    void registerWithAWrongPasswordIsChallengedAgain() throws Exception {
        Sipp r = sipp(kamailio, resource("register-refused.xml"), "-s", "alice", "-au", "alice", "-ap", "guess");
        assertThat(r.exitCode()).as(r.explain()).isZero();
        assertThat(r.messages()).as(r.explain()).contains("SIP/2.0 401 bad_credentials");
    }

    @Test
    void registeringAnotherUsersAddressIsForbidden() throws Exception {
        // alice's own, correct credentials, for bob's address: she would receive his calls.
        Sipp r = sipp(kamailio, resource("register-refused.xml"), "-s", "bob", "-au", "alice", "-ap", "wonderland");
        assertThat(r.exitCode()).as(r.explain()).isZero();
        assertThat(r.messages()).as(r.explain()).contains("SIP/2.0 403 Forbidden").doesNotContain("SIP/2.0 200");
    }

    @Test
    void inviteIsChallengedWith407AndPassesWithProxyAuthorization() throws Exception {
        // Past authentication, lookup() finds no registration for bob: 404 is the answer of the routing
        // that only an authenticated INVITE reaches.
        Sipp r = sipp(kamailio, SCENARIOS.resolve("invite.xml"), "-s", "bob", "-key", "caller", "alice",
                "-au", "alice", "-ap", "wonderland", "-auth_uri", "bob@127.0.0.1:" + kamailio.port());
        assertThat(r.exitCode()).as(r.explain()).isZero();
        assertThat(r.messages()).as(r.explain())
                .contains("SIP/2.0 407 missing_credentials")
                .contains("Proxy-Authenticate: Digest realm=\"sip.example.com\"")
                .containsPattern("Proxy-Authorization: Digest .*qop=auth-int")
                .contains("SIP/2.0 404 Not Found");
    }

    @Test
    void authdUnreachableIsA500() throws Exception {
        Path other = Files.createDirectories(dir.resolve("kamailio-without-authd"));
        try (Peer.Listening orphan = Kamailio.start(other, "http://127.0.0.1:" + Peer.freeTcpPort() + "/v1/verify",
                "sip.example.com")) {
            Sipp r = sipp(orphan, SCENARIOS.resolve("register.xml"), "-s", "alice", "-au", "alice", "-ap", "wonderland");
            assertThat(r.exitCode()).as(r.explain()).isNotZero();
            assertThat(r.messages()).as(r.explain()).contains("SIP/2.0 500 Server Internal Error")
                    .doesNotContain("SIP/2.0 401").doesNotContain("SIP/2.0 200");
        }
    }
}
