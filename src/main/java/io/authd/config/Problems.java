package io.authd.config;

import io.authd.config.ConfigException.Problem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Collects what is wrong with a record (or a whole configuration) so that one {@link ConfigException}
 * reports every problem, not just the first.
 */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    void add(String key, String message) {
        add(new Problem(key, message));
    }

    void add(Problem problem) {
        list.add(problem);
    }

    void check(boolean ok, String key, String message) {
        if (!ok) {
            add(key, message);
        }
    }

    /** Records {@code value} missing; true when it is present. */
    boolean present(Object value, String key) {
        check(value != null, key, "required");
        return value != null;
    }

    /**
     * Checks a list: present, non-empty unless allowed, no missing entries, and no two entries with the
     * same identity (a list that names a thing twice is a mistake, never an intent).
     *
     * @param identityKey where the identity sits inside an entry: empty for scalars, {@code .name} for realms
     */
    <T> void checkList(String key, List<T> list, boolean mayBeEmpty, String identityKey, Function<T, String> identity) {
        if (!present(list, key)) {
            return;
        }
        check(mayBeEmpty || !list.isEmpty(), key, "must not be empty");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = ConfigSchema.index(key, i);
            if (present(list.get(i), at)) {
                String id = identity.apply(list.get(i));
                Integer first = seen.putIfAbsent(id, i);
                if (first != null) {
                    add(at + identityKey, "'" + id + "' appears twice (first at index " + first + ")");
                }
            }
        }
    }

    /**
     * Checks a store name (or any choice among lowercase names): present and one of {@code known}, any case.
     *
     * @return the name lowercased and stripped, as the record keeps it; {@code value} itself when it is missing
     */
    String storeName(String value, String key, List<String> known) {
        if (!present(value, key)) {
            return value;
        }
        String normalized = value.strip().toLowerCase(java.util.Locale.ROOT);
        check(known.contains(normalized), key,
                "unsupported store '" + value + "' (supported: " + String.join(", ", known) + ")");
        return normalized;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(list);
    }

    void throwIfAny() {
        if (!list.isEmpty()) {
            throw new ConfigException(list);
        }
    }
}
