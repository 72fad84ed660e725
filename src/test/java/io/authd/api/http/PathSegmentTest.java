package io.authd.api.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PathSegmentTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a/b", "100%", "a+b c", "Jäsøn Doe", "testrealm@host.com", "..", "日本", "😀", "~-._"})
    void everyNameRoundTrips(String name) {
        assertThat(PathSegment.decode(PathSegment.encode(name))).contains(name);
        assertThat(PathSegment.encode(name)).doesNotContain("/", "+", " ").matches("[A-Za-z0-9%._~-]*");
    }

    @Test
    void onlyUnreservedCharactersStayAsTheyAre() {
        assertThat(PathSegment.encode("a/b %+ü~")).isEqualTo("a%2Fb%20%25%2B%C3%BC~");
    }

    @Test
    void plusIsAPlusAndHexCaseDoesNotMatter() {
        assertThat(PathSegment.decode("a+b")).contains("a+b");
        assertThat(PathSegment.decode("%c3%bc%C3%BC")).contains("üü");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "a%zz", "%G0", "%C3", "%C3%28", "%FF", "%ED%A0%80", "\u0100"})
    void brokenEscapesAndNonUtf8AreRefusedNotGuessed(String raw) {
        assertThat(PathSegment.decode(raw)).isEmpty();
    }

    @Test
    void rawUtf8BytesAsTheyArriveInARequestLineAreDecoded() {
        String asLatin1 = new String("ü".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(PathSegment.decode(asLatin1)).contains("ü");
    }
}
