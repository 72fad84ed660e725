package io.authd.server;

import io.authd.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServerLifecycleTest {
    @Test
    void serverClosesPromptlyEvenWithKeptAliveConnections(@TempDir Path dir) throws Exception {
        TestServer server = TestServer.start(dir);
        assertThat(server.post("/v1/challenge", "{}").statusCode()).isEqualTo(200);
        long t0 = System.nanoTime();
        server.close();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
    }
}
