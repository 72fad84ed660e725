package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class JsonOutTest {
    private static final JsonFactory JACKSON = new JsonFactory();

    @Test
    void stringsAreWrittenByteForByteAsJacksonWritesThem() throws IOException {
        List<String> samples = List.of("", "plain", "quote \" and backslash \\", "tab\tnew\nline\rcr\bback\fform",
                "\u0000\u0001\u001f\u007f", "café ∑ 漢字", "</script>", "\u2028\u2029", "Digest rspauth=\"ab\", nc=00000001");
        for (String s : samples) {
            assertThat(text(JsonOut.begin().string(s))).as(s).isEqualTo(jackson(s));
        }
    }

    @Test
    void randomBmpStringsMatchJacksonByteForByte() throws IOException {
        Random random = new Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                int kind = random.nextInt(4);
                s.appendCodePoint(kind == 0 ? random.nextInt(0x80) : kind == 1 ? random.nextInt(0x800)
                        : kind == 2 ? 0xe000 + random.nextInt(0x1000) : 0x800 + random.nextInt(0xd000));
            }
            assertThat(text(JsonOut.begin().string(s.toString()))).isEqualTo(jackson(s.toString()));
        }
    }

    /** Jackson 2 escapes these as a surrogate pair; RFC 8259 §8.1 text is UTF-8, so they are written as such. */
    @Test
    void supplementaryCharactersAreFourByteUtf8AndParseBack() throws IOException {
        String s = "emoji 😀 and 𝄞";
        byte[] bytes = JsonOut.begin().string(s).toBuffer().getBytes();
        assertThat(bytes).isEqualTo(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8));
        assertThat(new ObjectMapper().readValue(bytes, String.class)).isEqualTo(s);
    }

    @Test
    void loneSurrogateIsEscapedAndTheTextStaysValidJson() throws IOException {
        String text = text(JsonOut.begin().string("a\ud800b\udc00"));
        assertThat(text).isEqualTo("\"a\\uD800b\\uDC00\"");
        assertThat(new ObjectMapper().readValue(text, String.class)).isEqualTo("a\ud800b\udc00");
    }

    @Test
    void nestedObjectsAndArraysGetTheirCommasAndParseBack() throws IOException {
        JsonOut out = JsonOut.begin().startObject().field("outcome", "allow").field("status", 200)
                .field("on", true).name("none").nullValue().name("list").startArray().string("a").number(2)
                .startObject().field("k", "v").endObject().startArray().endArray().endArray()
                .name("pi").number(3.5).name("nan").number(Double.NaN).name("big").raw("12345678901234567890")
                .name("empty").startObject().endObject().endObject();
        String text = text(out);
        assertThat(text).isEqualTo("{\"outcome\":\"allow\",\"status\":200,\"on\":true,\"none\":null,"
                + "\"list\":[\"a\",2,{\"k\":\"v\"},[]],\"pi\":3.5,\"nan\":\"NaN\",\"big\":12345678901234567890,\"empty\":{}}");
        Map<String, Object> parsed = new ObjectMapper().readValue(text, new TypeReference<>() {
        });
        assertThat(parsed).containsEntry("outcome", "allow").containsKey("big");
    }

    @Test
    void aLargeAnswerGrowsTheBufferAndTheNextAnswerStartsEmpty() {
        String big = "x".repeat(200_000);
        assertThat(JsonOut.begin().string(big).toBuffer().length()).isEqualTo(big.length() + 2);
        assertThat(text(JsonOut.begin().string("small"))).isEqualTo("\"small\"");
    }

    private static String text(JsonOut out) {
        return new String(out.toBuffer().getBytes(), StandardCharsets.UTF_8);
    }

    private static String jackson(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JACKSON.createGenerator(bytes)) {
            g.writeString(s);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
