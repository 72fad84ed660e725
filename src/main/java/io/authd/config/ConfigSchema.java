package io.authd.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The shape of the configuration, read from the option records themselves so that the YAML keys, the
 * environment variables and the documentation cannot drift from the code. A record is a section, a
 * component is a key (named as the component, or as its {@link JsonProperty}), a {@code List} of records
 * is a list of sections, and anything else is a scalar (see {@link Scalars}).
 */
final class ConfigSchema {
    static final String ENV_PREFIX = "AUTHD_";
    /** How a list index appears in {@link Leaf#path()} and {@link Leaf#variable()}. */
    static final String ANY_INDEX = "i";

    private ConfigSchema() {
    }

    /**
     * One key of a section.
     *
     * @param required the key has no default: a list entry must set it ({@code realms[i].name})
     */
    record Key(String name, RecordComponent component, boolean required) {

        Type type() {
            return component.getGenericType();
        }

        /** This key's value in {@code section}, an instance of the record that declares it. */
        Object valueIn(Object section) {
            try {
                return component.getAccessor().invoke(section);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
        }
    }

    /**
     * A key that holds a value (a scalar or a list of scalars), with the steps that lead to it from the
     * root: key names, and {@link #ANY_INDEX} for a position in a list of sections.
     */
    record Leaf(List<String> steps, Type type) {

        /** The documented key path, e.g. {@code realms[i].nonceLifetime}. */
        String path() {
            String path = "";
            for (String step : steps) {
                path = step.equals(ANY_INDEX) ? path + "[" + ANY_INDEX + "]" : join(path, step);
            }
            return path;
        }

        /** The environment variable that overrides it, e.g. {@code AUTHD_REALMS_<i>_NONCE_LIFETIME}. */
        String variable() {
            return ENV_PREFIX + steps.stream()
                    .map(s -> s.equals(ANY_INDEX) ? "<" + ANY_INDEX + ">" : snake(s))
                    .collect(Collectors.joining("_"));
        }
    }

    static List<Key> keys(Class<?> section) {
        return Arrays.stream(section.getRecordComponents()).map(ConfigSchema::key).toList();
    }

    private static Key key(RecordComponent c) {
        // JsonProperty cannot target record components; the compiler copies it onto the accessor.
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        String name = p == null || p.value().isEmpty() ? c.getName() : p.value();
        return new Key(name, c, p != null && p.required());
    }

    /** Every value-holding key under {@code section}, in declaration order. */
    static List<Leaf> leaves(Class<?> section) {
        List<Leaf> leaves = new ArrayList<>();
        collectLeaves(section, List.of(), leaves);
        return leaves;
    }

    private static void collectLeaves(Class<?> section, List<String> prefix, List<Leaf> out) {
        for (Key key : keys(section)) {
            List<String> steps = append(prefix, key.name());
            if (isSection(key.type())) {
                collectLeaves((Class<?>) key.type(), steps, out);
            } else if (isSectionList(key.type())) {
                collectLeaves(elementType(key.type()), append(steps, ANY_INDEX), out);
            } else {
                out.add(new Leaf(steps, key.type()));
            }
        }
    }

    private static List<String> append(List<String> steps, String step) {
        List<String> longer = new ArrayList<>(steps);
        longer.add(step);
        return List.copyOf(longer);
    }

    static boolean isSection(Type type) {
        return type instanceof Class<?> c && c.isRecord();
    }

    static boolean isList(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == List.class;
    }

    static boolean isSectionList(Type type) {
        return isList(type) && isSection(elementType(type));
    }

    static Class<?> elementType(Type listType) {
        return (Class<?>) ((ParameterizedType) listType).getActualTypeArguments()[0];
    }

    /** {@code nonceLifetime} → {@code NONCE_LIFETIME}: the environment spelling of a key. */
    static String snake(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The path of {@code key} inside the section at {@code path}; either may be empty. */
    static String join(String path, String key) {
        if (path.isEmpty() || key.isEmpty()) {
            return path + key;
        }
        return key.startsWith("[") ? path + key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
