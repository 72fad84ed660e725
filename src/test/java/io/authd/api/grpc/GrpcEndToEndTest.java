package io.authd.api.grpc;

import io.authd.testing.EndToEndTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link EndToEndTest}'s shared server, with a gRPC client connected to its public port. */
abstract class GrpcEndToEndTest extends EndToEndTest {
    protected static GrpcTestClient grpc;

    @BeforeAll
    static void connect() {
        grpc = new GrpcTestClient(server.port());
    }

    @AfterAll
    static void disconnect() throws Exception {
        grpc.close();
    }
}
