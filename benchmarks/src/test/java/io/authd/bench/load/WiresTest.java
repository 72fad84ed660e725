package io.authd.bench.load;

import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.Header;
import io.authd.api.grpc.v1.Identity;
import io.authd.api.grpc.v1.Outcome;
import io.authd.api.grpc.v1.VerifyRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The driver's two wires write the same verification and read authd's answers the same way. */
class WiresTest {
    private static final String AUTHORIZATION = "Digest username=\"bench0000001\", realm=\"example.com\", uri=\"/bench\","
            + " algorithm=SHA-256, qop=auth, nonce=\"n0nce\", nc=00000007, cnonce=\"c0nce\", response=\"abc123\","
            + " opaque=\"0paque\"";
    private static final Credentials CREDENTIALS = new Credentials(bytes("n0nce"), bytes("00000007"), bytes("c0nce"),
            bytes("abc123"), bytes("0paque"));

    @TempDir
    Path dir;

    @Test
    void grpcVerifyBodyIsOneLengthPrefixedVerifyRequestWithTheAuthorizationValue() throws Exception {
        Buffer body = new GrpcWire(options("grpc"), users()).verifyBody(0, CREDENTIALS);

        assertThat(body.getByte(0)).isZero();
        assertThat(body.getInt(1)).isEqualTo(body.length() - 5);
        VerifyRequest request = VerifyRequest.parseFrom(body.getBytes(5, body.length()));
        assertThat(request.getProtocol()).isEqualTo("http");
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUri()).isEqualTo("/bench");
        assertThat(request.getRealm()).isEqualTo("example.com");
        assertThat(request.getAlgorithmsList()).containsExactly("SHA-256");
        // Longer than 127 bytes: its length takes a two-byte varint.
        assertThat(request.getAuthorizationList()).containsExactly(AUTHORIZATION);
    }

    @Test
    void jsonVerifyBodyCarriesTheSameRequestAsTheGrpcOne() throws Exception {
        JsonObject body = new JsonWire(options("h2c"), users()).verifyBody(0, CREDENTIALS).toJsonObject();

        assertThat(body.getString("protocol")).isEqualTo("http");
        assertThat(body.getString("method")).isEqualTo("GET");
        assertThat(body.getString("uri")).isEqualTo("/bench");
        assertThat(body.getString("realm")).isEqualTo("example.com");
        assertThat(body.getJsonArray("algorithms").getString(0)).isEqualTo("SHA-256");
        assertThat(body.getJsonArray("algorithms").size()).isEqualTo(1);
        assertThat(body.getString("authorization")).isEqualTo(AUTHORIZATION);
    }

    @Test
    void grpcAllowForTheUserSentIsAnAllowWithItsAuthenticationInfo() throws Exception {
        Reply reply = new GrpcWire(options("grpc"), users()).verified(0, grpcAnswer(allow("bench0000001"), "0"));

        assertThat(reply).isEqualTo(new Reply.Allow("rspauth=\"x\"", false));
    }

    @Test
    void grpcAllowForAnotherUserIsAnError() throws Exception {
        Reply reply = new GrpcWire(options("grpc"), users()).verified(0, grpcAnswer(allow("mallory"), "0"));

        assertThat(reply).isInstanceOf(Reply.Wrong.class);
    }

    @Test
    void grpcStaleNonceIsStaleWithTheFreshChallenge() throws Exception {
        String challenge = "Digest realm=\"example.com\", nonce=\"fresh\", algorithm=SHA-256, qop=\"auth\"";
        Decision stale = Decision.newBuilder().setOutcome(Outcome.challenge).setStatus(401).setReason("stale_nonce")
                .addHeaders(Header.newBuilder().setName("WWW-Authenticate").setValue(challenge)).build();

        Reply reply = new GrpcWire(options("grpc"), users()).verified(0, grpcAnswer(stale, "0"));

        assertThat(reply).isEqualTo(new Reply.Stale(challenge));
    }

    @Test
    void grpcAnswerWithAnErrorStatusIsAnErrorEvenWithAnAllowInside() throws Exception {
        Reply reply = new GrpcWire(options("grpc"), users()).verified(0, grpcAnswer(allow("bench0000001"), "13"));

        assertThat(reply).isEqualTo(new Reply.Wrong("grpc-status 13"));
    }

    @Test
    void jsonAllowInAuthdsLayoutTakesTheFastPath() throws Exception {
        String json = "{\"outcome\":\"allow\",\"status\":200,\"reason\":\"ok\",\"identity\":{\"scheme\":\"Digest\","
                + "\"user\":\"bench0000001\",\"realm\":\"example.com\",\"algorithm\":\"SHA-256\",\"qop\":\"auth\"},"
                + "\"headers\":[{\"name\":\"Authentication-Info\",\"value\":\"rspauth=\\\"x\\\"\"}]}";

        Reply reply = new JsonWire(options("h2c"), users()).verified(0, new Answer(200, Buffer.buffer(json), null));

        assertThat(reply).isEqualTo(new Reply.Allow("rspauth=\"x\"", false));
    }

    private static Decision allow(String user) {
        return Decision.newBuilder().setOutcome(Outcome.allow).setStatus(200).setReason("ok")
                .setIdentity(Identity.newBuilder().setScheme("Digest").setUser(user).setRealm("example.com")
                        .setAlgorithm("SHA-256").setQop("auth"))
                .addHeaders(Header.newBuilder().setName("Authentication-Info").setValue("rspauth=\"x\"")).build();
    }

    private static Answer grpcAnswer(Decision d, String grpcStatus) {
        byte[] message = d.toByteArray();
        return new Answer(200, Buffer.buffer().appendByte((byte) 0).appendInt(message.length).appendBytes(message),
                grpcStatus);
    }

    private LoadOptions options(String transport) throws IOException {
        Path users = dir.resolve("users.txt");
        Files.writeString(users, "bench0000001:secret\n");
        return LoadOptions.parse(new String[]{"--users-file", users.toString(), "--algorithm", "SHA-256",
                "--transport", transport});
    }

    private Users users() throws IOException {
        return Users.load(options("h2c"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
