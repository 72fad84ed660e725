package io.authd.api.http;

import io.authd.testing.ClientDigest;
import io.authd.testing.EndToEndTest;
import io.authd.testing.Processes;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.authd.testing.TestServer.headers;
import static org.assertj.core.api.Assertions.assertThat;

/** `authd user add` against the file a running server uses: the server sees the user without a restart. */
class CredentialReloadEndToEndTest extends EndToEndTest {

    private static String verifyCarol() throws Exception {
        JsonObject req = new JsonObject().put("method", "GET").put("uri", "/r").put("realm", "md5.example.com");
        String header = headers(server.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
        String auth = ClientDigest.authorization(header, "carol", "s3cret", "GET", "/r", "00000001", "c", "auth", null);
        return server.decision("/v1/verify", req.copy().put("authorization", auth)).getString("outcome");
    }

    @Test
    void userAddedWithTheCliIsAllowedWithoutARestart() throws Exception {
        assertThat(verifyCarol()).isEqualTo("challenge");
        Path file = dir.resolve("credentials.yaml");
        var in = System.in;
        try {
            System.setIn(new ByteArrayInputStream("s3cret\n".getBytes(StandardCharsets.UTF_8)));
            int code = new picocli.CommandLine(new io.authd.cli.AuthdCommand())
                    .execute("user", "add", "--file", file.toString(), "--realm", "md5.example.com", "carol");
            assertThat(code).isZero();
        } finally {
            System.setIn(in);
        }
        assertThat(Files.readString(file)).contains("carol").doesNotContain("s3cret");
        long deadline = System.nanoTime() + 10_000_000_000L; // reloadInterval is 1s in the test config
        String outcome = "challenge";
        while (!outcome.equals("allow") && System.nanoTime() < deadline) {
            Thread.sleep(100);
            outcome = verifyCarol();
        }
        assertThat(outcome).isEqualTo("allow");
    }

    @Test
    void brokenFileKeepsTheLastGoodUsersInService() throws Exception {
        Path file = dir.resolve("credentials.yaml");
        String good = Files.readString(file);
        try {
            Files.writeString(file, good + "\n  this is: [not valid");
            Thread.sleep(1_500); // past one reload interval: the server has seen the broken file
            JsonObject req = new JsonObject().put("method", "GET").put("uri", "/k").put("realm", "md5.example.com");
            String header = headers(server.decision("/v1/challenge", req), "WWW-Authenticate").get(0);
            String auth = ClientDigest.authorization(header, "alice", "wonderland", "GET", "/k", "00000001", "c", "auth", null);
            assertThat(server.decision("/v1/verify", req.copy().put("authorization", auth)).getString("outcome"))
                    .isEqualTo("allow");
        } finally {
            Files.writeString(file, good);
        }
    }
}
