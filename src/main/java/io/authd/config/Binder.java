package io.authd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns the merged configuration tree into the option records, walking the record types. Unlike a
 * data-binding library it does not stop at the first problem: every bad value, unknown key and failed
 * record check is collected, each under its key path. A section with a bad part is not built, so the
 * checks of the records around it (such as {@code defaultRealm} against the realms) wait for the next
 * run rather than judge values that are not there.
 */
final class Binder {
    /** Stands for a value that could not be built; its problems are already recorded. */
    private static final Object FAILED = new Object();

    private final Path baseDir;
    private final Problems problems;

    /**
     * @param baseDir  relative paths (given or default) are resolved against it: the config file's directory
     * @param problems where problems are recorded
     */
    Binder(Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The configuration in {@code node} as a {@code type}, or null when a problem was recorded. */
    <T> T bind(Class<T> type, JsonNode node) {
        Object value = bind(type, node, "");
        return value == FAILED ? null : type.cast(value);
    }

    private Object bind(Type type, JsonNode node, String path) {
        if (ConfigSchema.isSection(type)) {
            return bindSection((Class<?>) type, node, path);
        }
        if (ConfigSchema.isList(type)) {
            return bindList(type, node, path);
        }
        return bindScalar((Class<?>) type, node, path);
    }

    private Object bindSection(Class<?> section, JsonNode node, String path) {
        if (!node.isObject()) {
            return fail(path, "expected a mapping of keys, got " + describe(node));
        }
        List<ConfigSchema.Key> keys = ConfigSchema.keys(section);
        reportUnknownKeys(keys, node, path);
        Object[] values = new Object[keys.size()];
        boolean failed = false;
        for (int i = 0; i < keys.size(); i++) {
            values[i] = bindKey(keys.get(i), node.get(keys.get(i).name()), ConfigSchema.join(path, keys.get(i).name()));
            failed |= values[i] == FAILED;
        }
        return failed ? FAILED : construct(section, values, path);
    }

    private Object bindKey(ConfigSchema.Key key, JsonNode node, String path) {
        if (node == null) {
            // Only keys without a default can be missing after the defaults were laid under the file.
            return key.required() ? fail(path, "required") : null;
        }
        return bind(key.type(), node, path);
    }

    private void reportUnknownKeys(List<ConfigSchema.Key> keys, JsonNode node, String path) {
        List<String> known = keys.stream().map(ConfigSchema.Key::name).toList();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(ConfigSchema.join(path, name), "unknown key" + Spelling.suggestion(name, known));
            }
        });
    }

    /** Runs the record's own checks; their problems are relative to the record, so they are placed under path. */
    private Object construct(Class<?> section, Object[] values, String path) {
        try {
            Class<?>[] types = Arrays.stream(section.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> canonical = section.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConfigException invalid) {
                invalid.problems().forEach(p -> problems.add(p.under(path)));
                return FAILED;
            }
            throw new IllegalStateException("building " + section.getSimpleName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("options record without a usable canonical constructor: " + section, e);
        }
    }

    private Object bindList(Type listType, JsonNode node, String path) {
        if (node instanceof POJONode pojo) {
            return pojo.getPojo();
        }
        if (!node.isArray()) {
            return fail(path, "expected a list, got " + describe(node));
        }
        List<Object> values = new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < node.size(); i++) {
            Object value = bind(ConfigSchema.elementType(listType), node.get(i), ConfigSchema.index(path, i));
            values.add(value);
            failed |= value == FAILED;
        }
        return failed ? FAILED : Collections.unmodifiableList(values);
    }

    private Object bindScalar(Class<?> type, JsonNode node, String path) {
        Scalars.Scalar scalar = Scalars.of(type);
        Object value;
        if (node instanceof POJONode pojo) {
            value = pojo.getPojo();
        } else if (node.isValueNode() && !node.isNull()) {
            try {
                value = scalar.parse().apply(node.asText());
            } catch (IllegalArgumentException e) {
                return fail(path, e.getMessage());
            }
        } else {
            return fail(path, "expected " + scalar.expected() + ", got " + describe(node));
        }
        return value instanceof Path p ? baseDir.resolve(p).normalize() : value;
    }

    private Object fail(String path, String message) {
        problems.add(path, message);
        return FAILED;
    }

    /** A node as a problem message shows it. */
    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isArray() ? "a list" : "'" + node.asText() + "'";
    }
}
