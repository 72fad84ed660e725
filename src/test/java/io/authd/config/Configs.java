package io.authd.config;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loading helpers for the config tests: YAML text as if it were {@code /etc/authd/authd.yaml}. */
final class Configs {
    static final Path BASE_DIR = Path.of("/etc/authd");

    private Configs() {
    }

    static AuthdOptions load(String yaml) {
        return load(yaml, Map.of());
    }

    static AuthdOptions load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(yaml, BASE_DIR, env);
    }

    /** The message of the ConfigException that loading must throw. */
    static String problems(String yaml) {
        return problems(yaml, Map.of());
    }

    static String problems(String yaml, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(yaml, env));
        if (e == null) {
            throw new AssertionError("expected a ConfigException for:\n" + yaml + "\nenv " + env);
        }
        return e.getMessage();
    }

    /** A valid file with one realm, into which a test puts one bad line under the realm. */
    static String realm(String extraLines) {
        return """
                realms:
                  - name: example.com
                """ + extraLines.indent(4);
    }
}
