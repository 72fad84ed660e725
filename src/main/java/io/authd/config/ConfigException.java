package io.authd.config;

import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is not usable. The message lists every problem found, one per line, each starting
 * with the key path it concerns (or the environment variable that set it), so an operator can fix them
 * all in one go instead of one restart per typo.
 */
public final class ConfigException extends RuntimeException {
    private final List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * One thing wrong with the configuration.
     *
     * @param key     where: a key path such as {@code realms[0].nonceLifetime}, relative to the record that
     *                reported it until the loader places it; empty for the record itself
     * @param message what is wrong, naming the offending value
     */
    public record Problem(String key, String message) implements Serializable {

        /** This problem as seen from the record at {@code path}, e.g. {@code port} under {@code listen.public}. */
        Problem under(String path) {
            return new Problem(ConfigSchema.join(path, key), message);
        }

        @Override
        public String toString() {
            return key.isEmpty() ? message : key + ": " + message;
        }
    }
}
