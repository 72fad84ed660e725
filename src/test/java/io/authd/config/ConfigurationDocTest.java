package io.authd.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md documents exactly the keys the records have, each with its environment variable. */
class ConfigurationDocTest {
    /** A table row whose first two cells are code: | `key` | `VARIABLE` | ... */
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void referenceTableListsEveryKeyWithItsVariableAndNothingElse() throws IOException {
        Map<String, String> documented = documentedKeys(Files.readString(Path.of("docs", "configuration.md")));
        Map<String, String> actual = new LinkedHashMap<>();
        ConfigSchema.leaves(AuthdOptions.class).forEach(leaf -> actual.put(leaf.path(), leaf.variable()));

        assertThat(documented).containsExactlyEntriesOf(actual);
    }

    private static Map<String, String> documentedKeys(String markdown) {
        Map<String, String> keys = new LinkedHashMap<>();
        Matcher m = ROW.matcher(markdown);
        while (m.find()) {
            keys.put(m.group(1), m.group(2));
        }
        return keys;
    }
}
