package io.authd.lockout;

import io.authd.testing.ClientDigest;
import io.authd.testing.MutableClock;
import io.authd.testing.TestKeys;
import io.authd.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static io.authd.lockout.LockoutClient.http;
import static io.authd.lockout.LockoutClient.sip;
import static org.assertj.core.api.Assertions.assertThat;

/** Brute-force protection through the JSON API on one replica (memory store), on an injected clock. */
class LockoutEndToEndTest {
    /** 3 failures of a user, or 5 from an address, within 60 s: locked 10 s, then 20 s, at most 40 s. */
    static final String LOCKOUT = """
            lockout:
              window: 60s
              userThreshold: 3
              addressThreshold: 5
              baseDuration: 10s
              factor: 2
              maxDuration: 40s
            """;

    @TempDir
    Path dir;
    private TestServer server;
    private MutableClock clock;

    @BeforeEach
    void start() throws Exception {
        clock = MutableClock.at("2026-11-23T10:00:00Z");
        server = TestServer.startWith(dir, TestKeys.ring(1), clock, TestServer.CONFIG + LOCKOUT);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void correctPasswordDuringLockoutIsRefusedWith429AndRetryAfter() throws Exception {
        failTimes(3, "alice", "203.0.113.1");

        JsonObject d = http(server, "alice", "wonderland", "203.0.113.2");

        assertThat(d.getString("reason")).isEqualTo("locked_out");
        assertThat(d.getString("outcome")).isEqualTo("deny");
        assertThat(d.getInteger("status")).isEqualTo(429);
        assertThat(TestServer.headers(d, "Retry-After")).containsExactly("10");
    }

    @Test
    void sipLockoutIsAnswered403() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(sip(server, "alice", "wrong", "203.0.113.1").getString("reason")).isEqualTo("bad_credentials");
        }

        JsonObject d = sip(server, "alice", "wonderland", "203.0.113.1");

        assertThat(d.getString("reason")).isEqualTo("locked_out");
        assertThat(d.getInteger("status")).isEqualTo(403);
        assertThat(TestServer.headers(d, "Retry-After")).containsExactly("10");
    }

    @Test
    void forwardAuthAnswersTheLockoutToTheFrontProxyWith429AndRetryAfter() throws Exception {
        failTimes(3, "alice", "203.0.113.1");
        String url = server.url("/v1/forward-auth?realm=" + LockoutClient.HTTP_REALM);
        String[] original = {"X-Original-Method", "GET", "X-Original-URI", "/x", "X-Real-IP", "203.0.113.9"};
        String challenge = server.get(url, original).headers().firstValue("WWW-Authenticate").orElseThrow();
        String authorization = ClientDigest.authorization(challenge, "alice", "wonderland", "GET", "/x", "00000001",
                "c1", "auth", null);

        HttpResponse<String> r = server.get(url, "X-Original-Method", "GET", "X-Original-URI", "/x",
                "X-Real-IP", "203.0.113.9", "Authorization", authorization);

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("10");
    }

    @Test
    void lockoutExpiresAndRetryAfterCountsDown() throws Exception {
        failTimes(3, "alice", "203.0.113.1");
        clock.advance(Duration.ofSeconds(4));
        assertThat(TestServer.headers(http(server, "alice", "wonderland", "203.0.113.1"), "Retry-After"))
                .containsExactly("6");

        clock.advance(Duration.ofSeconds(6));

        assertThat(http(server, "alice", "wonderland", "203.0.113.1").getString("outcome")).isEqualTo("allow");
    }

    @Test
    void eachFurtherLockoutLastsLongerUpToTheMaximum() throws Exception {
        // A new address each round, so only the user's lockouts add up.
        failTimes(3, "alice", "203.0.113.1");
        clock.advance(Duration.ofSeconds(10));
        failTimes(3, "alice", "203.0.113.2");
        assertThat(TestServer.headers(http(server, "alice", "x", "203.0.113.2"), "Retry-After")).containsExactly("20");
        clock.advance(Duration.ofSeconds(20));
        failTimes(3, "alice", "203.0.113.3");
        clock.advance(Duration.ofSeconds(40));
        failTimes(3, "alice", "203.0.113.4");

        assertThat(TestServer.headers(http(server, "alice", "x", "203.0.113.4"), "Retry-After")).containsExactly("40");
    }

    @Test
    void successResetsTheUserCounter() throws Exception {
        failTimes(2, "alice", "203.0.113.1");
        assertThat(http(server, "alice", "wonderland", "203.0.113.1").getString("outcome")).isEqualTo("allow");

        failTimes(2, "alice", "203.0.113.1");

        assertThat(http(server, "alice", "wonderland", "203.0.113.1").getString("outcome")).isEqualTo("allow");
    }

    @Test
    void successDoesNotResetTheAddressCounter() throws Exception {
        failTimes(2, "alice", "198.51.100.9");
        failTimes(2, "bob", "198.51.100.9");
        assertThat(http(server, "alice", "wonderland", "198.51.100.9").getString("outcome")).isEqualTo("allow");

        failTimes(1, "carol", "198.51.100.9");

        JsonObject d = http(server, "bob", "zanzibar", "198.51.100.9");
        assertThat(d.getString("reason")).isEqualTo("locked_out");
        assertThat(http(server, "bob", "zanzibar", "198.51.100.10").getString("outcome")).isEqualTo("allow");
    }

    @Test
    void addressIsLockedOutAfterFailuresAcrossManyUsers() throws Exception {
        for (String user : new String[]{"u1", "u2", "u3", "u4", "u5"}) {
            failTimes(1, user, "198.51.100.7");
        }

        assertThat(http(server, "alice", "wonderland", "198.51.100.7").getString("reason")).isEqualTo("locked_out");
        assertThat(http(server, "alice", "wonderland", "198.51.100.8").getString("outcome")).isEqualTo("allow");
    }

    @Test
    void unknownUserIsCountedAndAnsweredExactlyLikeAKnownOne() throws Exception {
        JsonObject known = null;
        JsonObject unknown = null;
        for (int i = 0; i < 4; i++) {
            known = http(server, "alice", "wrong", "203.0.113." + (10 + i));
            unknown = http(server, "mallory", "wrong", "203.0.113." + (20 + i));
            assertThat(withoutNonces(unknown)).isEqualTo(withoutNonces(known));
        }

        assertThat(known.getString("reason")).isEqualTo("locked_out");
        assertThat(unknown.getString("reason")).isEqualTo("locked_out");
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() throws Exception {
        failTimes(2, "alice", "203.0.113.1");
        clock.advance(Duration.ofSeconds(121)); // two windows on: nothing of the first one is left

        failTimes(2, "alice", "203.0.113.1");

        assertThat(http(server, "alice", "wonderland", "203.0.113.1").getString("outcome")).isEqualTo("allow");
    }

    private void failTimes(int times, String user, String address) throws Exception {
        for (int i = 0; i < times; i++) {
            assertThat(http(server, user, "wrong", address).getString("reason")).isEqualTo("bad_credentials");
        }
    }

    /** The decision with the challenges' nonces taken out: they differ on every answer by design. */
    private static JsonObject withoutNonces(JsonObject decision) {
        JsonObject copy = decision.copy();
        copy.remove("headers");
        copy.put("headerNames", decision.getJsonArray("headers").stream()
                .map(h -> ((JsonObject) h).getString("name")).toList());
        return copy;
    }
}
