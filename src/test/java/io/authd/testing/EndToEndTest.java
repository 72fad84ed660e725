package io.authd.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One real server shared by a test class's methods (started once: start-up is the slow part). */
public abstract class EndToEndTest {
    @TempDir
    protected static Path dir;
    protected static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(dir);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }
}
