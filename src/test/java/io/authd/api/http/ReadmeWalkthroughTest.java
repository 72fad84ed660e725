package io.authd.api.http;

import io.authd.testing.Processes;
import io.authd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the README's walk-throughs, as written, against a real server: the docs cannot drift. */
class ReadmeWalkthroughTest {

    @Test
    void readmeSipRegisterWalkthroughAllowsThenSeesTheReplay(@TempDir Path dir) throws Exception {
        String script = block("sip-register");
        Processes.require("python3");
        try (TestServer server = TestServer.start(dir)) {
            String runnable = script.replace("AUTHD=http://127.0.0.1:8080", "AUTHD=" + server.url(""));
            List<String> lines = run(dir, runnable);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).contains("\"reason\":\"missing_credentials\"").contains("algorithm=MD5");
            assertThat(lines.get(1)).contains("\"outcome\":\"allow\"").contains("\"user\":\"alice\"");
            assertThat(lines.get(2)).contains("\"reason\":\"replayed_nonce\"");
        }
    }

    @Test
    void readmeAdminApiWalkthroughAddsDisablesListsAndRemoves(@TempDir Path dir) throws Exception {
        String script = block("admin-api");
        Processes.require("curl");
        try (TestServer server = TestServer.start(dir)) {
            String runnable = script.replace("ADMIN=http://127.0.0.1:8081", "ADMIN=" + server.managementUrl(""))
                    .replace("TOKEN=\"$AUTHD_ADMIN_TOKEN\"", "TOKEN=" + TestServer.ADMIN_TOKEN);
            List<String> lines = run(dir, runnable);
            assertThat(lines).hasSize(4);
            assertThat(lines.get(0)).isEqualTo("{\"realm\":\"example.com\",\"username\":\"carol\",\"enabled\":true,"
                    + "\"algorithms\":[\"MD5\",\"SHA-256\",\"SHA-512-256\"]}");
            assertThat(lines.get(1)).contains("\"enabled\":false");
            assertThat(lines.get(2)).startsWith("{\"users\":[{\"realm\":\"example.com\"").contains("\"next\":\"");
            assertThat(lines.get(3)).isEqualTo("204");
        }
    }

    /** Runs {@code script} with bash -eu; the lines it printed. */
    private static List<String> run(Path dir, String script) throws Exception {
        Path file = Files.writeString(dir.resolve("walkthrough.sh"), script);
        Processes.Result r = Processes.run(List.of("bash", "-eu", file.toString()));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().toList();
    }

    private static String block(String name) throws java.io.IOException {
        String readme = Files.readString(Path.of("README.md"));
        int marker = readme.indexOf("<!-- readme-test: " + name + " -->");
        assertThat(marker).as("README marker").isPositive();
        int start = readme.indexOf("```sh\n", marker) + 6;
        return readme.substring(start, readme.indexOf("\n```", start) + 1);
    }
}
