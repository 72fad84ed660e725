package io.authd.interop;

import io.authd.testing.EndToEndTest;
import io.authd.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * examples/nginx/authd.conf in a real nginx (auth_request) between curl --digest and an application, in front of a
 * real authd: what the application sees and what the client is answered.
 */
class NginxInteropTest extends EndToEndTest {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static EchoApp app;
    private static Peer.Listening nginx;
    private static String curl;

    @BeforeAll
    static void startNginx() throws Exception {
        curl = Peer.require("curl", "curl");
        // The application's /tick ages every nonce past TestServer's 300 s lifetime: the next request is stale.
        app = new EchoApp(() -> server.clock.advance(Duration.ofSeconds(301)));
        nginx = Nginx.start(Files.createDirectories(dir.resolve("nginx")), server.port(), app.port());
    }

    @AfterAll
    static void stopNginx() {
        // Each one that started, also when a test failed.
        if (nginx != null) {
            nginx.close();
        }
        if (app != null) {
            app.close();
        }
    }

    /** What curl received: every response's status and challenges (curl -i shows them all), and the bodies. */
    record Received(List<Integer> statuses, List<List<String>> challenges, List<String> bodies) {
        // A body without a final newline runs into the next status line, so responses start wherever one does.
        private static final Pattern STATUS_LINE = Pattern.compile("(?=HTTP/1\\.1 \\d{3} )");

        static Received parse(String out) {
            List<Integer> statuses = new ArrayList<>();
            List<List<String>> challenges = new ArrayList<>();
            List<String> bodies = new ArrayList<>();
            for (String response : STATUS_LINE.split(out.replace("\r\n", "\n"))) {
                int end = response.indexOf("\n\n");
                String[] head = response.substring(0, end).split("\n");
                statuses.add(Integer.parseInt(head[0].split(" ")[1]));
                challenges.add(Stream.of(head).filter(h -> h.regionMatches(true, 0, "WWW-Authenticate:", 0, 17))
                        .map(h -> h.substring(17).strip()).toList());
                bodies.add(response.substring(end + 2));
            }
            return new Received(statuses, challenges, bodies);
        }

        String body() {
            return bodies.getLast();
        }

        String nonce(int response) {
            Matcher m = NONCE.matcher(challenges.get(response).getFirst());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    private static String url(String path) {
        return url(nginx, path);
    }

    private static String url(Peer.Listening via, String path) {
        return "http://127.0.0.1:" + via.port() + path;
    }

    private static Received curl(String... args) throws Exception {
        return curl(nginx, args);
    }

    private static Received curl(Peer.Listening via, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(curl, "-s", "-i"));
        cmd.addAll(List.of(args));
        Processes.Result r = Processes.run(cmd);
        assertThat(r.exitCode()).as(r.stderr() + via.log()).isZero();
        return Received.parse(r.stdout());
    }

    private static void assertNeverReachedTheApplication(String path) {
        assertThat(app.seen()).noneMatch(s -> s.startsWith(path));
    }

    /**
     * curl --digest through nginx, which must pass on exactly one challenge, for {@code algorithm}, and then let the
     * answer through; returns what the application answered.
     */
    private static String allowedAfterOneChallenge(String algorithm, String... args) throws Exception {
        List<String> digest = new ArrayList<>(List.of("--digest"));
        digest.addAll(List.of(args));
        Received r = curl(digest.toArray(String[]::new));
        assertThat(r.statuses()).containsExactly(401, 200);
        assertThat(r.challenges().getFirst()).singleElement().asString().contains("algorithm=" + algorithm + ",");
        return r.body();
    }

    @Test
    void sha256IsAllowedAndTheApplicationSeesTheUser() throws Exception {
        assertThat(allowedAfterOneChallenge("SHA-256", "-u", "alice:wonderland", url("/orders?id=7")))
                .isEqualTo("GET alice");
    }

    @Test
    void md5IsAllowedWhereTheRealmOffersMd5First() throws Exception {
        assertThat(allowedAfterOneChallenge("MD5", "-u", "bob:zanzibar", url("/legacy/report"))).isEqualTo("GET bob");
    }

    @Test
    void postIsAllowedAndItsBodyReachesTheApplication() throws Exception {
        assertThat(allowedAfterOneChallenge("SHA-256", "-u", "alice:wonderland", "--data", "item=42", url("/orders")))
                .isEqualTo("POST alice item=42");
    }

    @Test
    void wrongPasswordGets401WithOneFreshChallengeAndNeverReachesTheApplication() throws Exception {
        Received r = curl("--digest", "-u", "alice:guess", url("/wrong-password"));
        assertThat(r.statuses()).containsExactly(401, 401);
        // One WWW-Authenticate per 401: nginx copies it itself, the example adds no second copy.
        assertThat(r.challenges()).allSatisfy(c -> assertThat(c).hasSize(1));
        assertThat(r.nonce(1)).isNotEqualTo(r.nonce(0));
        assertNeverReachedTheApplication("/wrong-password");
    }

    @Test
    void staleNonceIsChallengedAgainAndCurlRetriesWithoutAskingTheUser() throws Exception {
        // curl answers a redirect with the nonce it already has (nc=00000002); /tick made that nonce stale before
        // redirecting to /after. A second URL on the command line would not do: curl starts it without credentials.
        Received r = curl("--digest", "-u", "alice:wonderland", "-L", url("/stale/tick"));
        assertThat(r.statuses()).containsExactly(401, 302, 401, 200);
        assertThat(r.challenges().get(2)).singleElement().asString().contains("stale=true");
        assertThat(app.seen()).filteredOn(s -> s.startsWith("/stale/")).containsExactly(
                "/stale/tick GET alice", "/stale/after GET alice");
    }

    @Test
    void aClientsOwnXAuthdUserIsReplacedByTheVerifiedUser() throws Exception {
        Received r = curl("--digest", "-u", "alice:wonderland", "-H", "X-Authd-User: mallory", url("/forged"));
        assertThat(r.body()).isEqualTo("GET alice");
    }

    @Test
    void malformedCredentialsAreRefusedWithA500() throws Exception {
        // authd answers 400 (malformed_credentials); auth_request turns any status but 2xx/401/403 into 500.
        Received r = curl("-H", "Authorization: Digest username=", url("/malformed"));
        assertThat(r.statuses()).containsExactly(500);
        assertNeverReachedTheApplication("/malformed");
    }

    @Test
    void authdUnreachableIsA500AndNothingGetsThrough() throws Exception {
        Path other = Files.createDirectories(dir.resolve("nginx-without-authd"));
        try (Peer.Listening orphan = Nginx.start(other, Peer.freeTcpPort(), app.port())) {
            Received r = curl(orphan, "--digest", "-u", "alice:wonderland", url(orphan, "/no-authd"));
            assertThat(r.statuses()).containsExactly(500);
            assertNeverReachedTheApplication("/no-authd");
        }
    }
}
