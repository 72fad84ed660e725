package io.authd.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published Digest vectors of {@code digest-vectors.json} (a verbatim copy of the shared test data):
 * the hasher reproduces every HA1, userhash and response, refuses the truncated-SHA-512 values printed in
 * RFC 7616 §3.9.2 (Errata 4897), and each vector survives rendering as a header and parsing back.
 */
class DigestVectorsTest {

    record VectorFile(String about, List<Vector> vectors) {
    }

    record Vector(String source, String algorithm, String qop, Boolean userhash, String method, String username,
                  String realm, String password, String uri, String nonce, String nc, String cnonce,
                  String opaque, String ha1, String ha2, String response,
                  @JsonProperty("body_hash") String bodyHash,
                  @JsonProperty("userhash_value") String userhashValue,
                  @JsonProperty("must_reject_published_truncated_sha512") Truncated mustReject) {

        DigestAlgorithm digestAlgorithm() {
            return DigestAlgorithm.fromToken(algorithm).orElseThrow();
        }

        HashFunction hash() {
            return digestAlgorithm().hash();
        }

        boolean hashedUsername() {
            return Boolean.TRUE.equals(userhash);
        }

        DigestInput input() {
            return new DigestInput(digestAlgorithm(), method, uri, nonce, nc, cnonce,
                    Qop.fromToken(qop).orElseThrow(), null, bodyHash);
        }

        /** The HA1 a credential store keeps: H(username ":" realm ":" password). */
        String storedHa1() {
            return DigestHasher.current().ha1(hash(), username, realm, password);
        }

        @Override
        public String toString() {
            return source + " " + algorithm;
        }
    }

    record Truncated(@JsonProperty("userhash_value") String userhashValue, String response) {
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = DigestVectorsTest.class.getResourceAsStream("/digest-vectors.json")) {
            return new ObjectMapper().readValue(in, VectorFile.class).vectors();
        }
    }

    /** Not every vector publishes every intermediate value; each check runs on those that do. */
    private static Stream<Vector> vectorsWith(Function<Vector, Object> value) throws IOException {
        return vectors().stream().filter(v -> value.apply(v) != null);
    }

    static Stream<Vector> vectorsWithHa1() throws IOException {
        return vectorsWith(Vector::ha1);
    }

    static Stream<Vector> vectorsWithHa2() throws IOException {
        return vectorsWith(Vector::ha2);
    }

    static Stream<Vector> vectorsWithUserhash() throws IOException {
        return vectorsWith(Vector::userhashValue);
    }

    static Stream<Vector> vectorsWithKnownWrongValues() throws IOException {
        return vectorsWith(Vector::mustReject);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithHa1")
    void ha1IsReproduced(Vector v) {
        String ha1 = v.storedHa1();
        // For -sess the published HA1 is the session one: H(hexHA1 ":" nonce ":" cnonce) (RFC 7616 §3.4.2).
        if (v.digestAlgorithm().session()) {
            ha1 = hash(v.hash(), ha1 + ":" + v.nonce() + ":" + v.cnonce());
        }
        assertThat(ha1).isEqualTo(v.ha1());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithHa2")
    void ha2IsReproduced(Vector v) {
        String covered = v.method() + ":" + v.uri() + (v.bodyHash() == null ? "" : ":" + v.bodyHash());

        assertThat(hash(v.hash(), covered)).isEqualTo(v.ha2());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void responseIsReproducedAndMatches(Vector v) {
        DigestHasher hasher = DigestHasher.current();

        assertThat(hasher.response(v.input(), v.storedHa1())).isEqualTo(v.response());
        assertThat(hasher.matches(v.input(), v.storedHa1(), v.response())).isTrue();
        assertThat(hasher.matches(v.input(), v.storedHa1(), v.response().toUpperCase())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithUserhash")
    void userhashIsReproduced(Vector v) {
        assertThat(DigestHasher.current().userhash(v.hash(), v.username(), v.realm())).isEqualTo(v.userhashValue());
    }

    /** RFC 7616 Errata 4897: the §3.9.2 example used truncated SHA-512, which is not SHA-512/256. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("vectorsWithKnownWrongValues")
    void publishedTruncatedSha512ValuesAreRejected(Vector v) {
        DigestHasher hasher = DigestHasher.current();

        assertThat(hasher.matches(v.input(), v.storedHa1(), v.mustReject().response())).isFalse();
        assertThat(hasher.userhash(v.hash(), v.username(), v.realm())).isNotEqualTo(v.mustReject().userhashValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void headerRenderedFromTheVectorParsesBack(Vector v) {
        AuthorizationParse parse = AuthorizationParser.parse(header(v));
        assertThat(parse).isInstanceOf(AuthorizationParse.Parsed.class);
        List<Credentials> all = ((AuthorizationParse.Parsed) parse).credentials();
        assertThat(all).hasSize(1);

        DigestParse digest = DigestCredentialsParser.parse(all.get(0));

        assertThat(digest).isEqualTo(new DigestParse.Valid(new DigestCredentials(
                v.hashedUsername() ? v.userhashValue() : v.username(), v.hashedUsername(), v.realm(), v.nonce(),
                v.uri(), v.response(), v.digestAlgorithm(), v.algorithm(), v.cnonce(), v.opaque(),
                Qop.fromToken(v.qop()).orElseThrow(), v.nc(), Long.parseLong(v.nc(), 16))));
    }

    /** The header a client would send for this vector, in curl's shape. */
    private static String header(Vector v) {
        StringBuilder h = new StringBuilder("Digest username=")
                .append(quoted(v.hashedUsername() ? v.userhashValue() : v.username()))
                .append(", realm=").append(quoted(v.realm()))
                .append(", nonce=").append(quoted(v.nonce()))
                .append(", uri=").append(quoted(v.uri()))
                .append(", cnonce=").append(quoted(v.cnonce()))
                .append(", nc=").append(v.nc())
                .append(", qop=").append(v.qop())
                .append(", response=").append(quoted(v.response()))
                .append(", algorithm=").append(v.algorithm());
        if (v.opaque() != null) {
            h.append(", opaque=").append(quoted(v.opaque()));
        }
        return v.hashedUsername() ? h.append(", userhash=true").toString() : h.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String hash(HashFunction h, String s) {
        return DigestHasher.current().hashHex(h, s.getBytes(StandardCharsets.UTF_8));
    }
}
