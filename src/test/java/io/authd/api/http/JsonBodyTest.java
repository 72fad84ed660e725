package io.authd.api.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonBodyTest {

    @Test
    void aTopLevelFieldGivenTwiceIsInvalidJsonNamingTheField() {
        ApiError e = read("{\"method\":\"GET\",\"uri\":\"/a\",\"uri\":\"/b\"}", new ArrayList<>());
        assertThat(e.code()).isEqualTo("invalid_json");
        assertThat(e.message()).isEqualTo("field \"uri\" given twice");
    }

    @Test
    void aDuplicateAfterManyDistinctFieldsIsStillFound() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 40; i++) {
            json.append("\"f").append(i).append("\":").append(i).append(',');
        }
        json.append("\"f3\":0}");
        assertThat(read(json.toString(), new ArrayList<>()).message()).isEqualTo("field \"f3\" given twice");
    }

    @Test
    void thousandsOfDistinctFieldsAreReadEachOnce() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",").append("\"x").append(i).append("\":1");
        }
        List<String> names = new ArrayList<>();
        assertThat(read(json.append('}').toString(), names)).isNull();
        assertThat(names).hasSize(5000).doesNotHaveDuplicates();
    }

    @Test
    void aLongDuplicateNameIsCutInTheMessage() {
        String name = "n".repeat(100);
        ApiError e = read("{\"" + name + "\":1,\"" + name + "\":2}", new ArrayList<>());
        assertThat(e.message()).isEqualTo("field \"" + "n".repeat(32) + "...\" given twice");
    }

    @Test
    void sameNamesInNestedObjectsOfDifferentFieldsAreNotDuplicates() {
        assertThat(read("{\"a\":{\"k\":1},\"b\":{\"k\":2}}", new ArrayList<>())).isNull();
    }

    private static ApiError read(String json, List<String> names) {
        return JsonBody.readObject(json.getBytes(StandardCharsets.UTF_8), (name, p) -> {
            names.add(name);
            p.skipChildren();
            return null;
        });
    }
}
