package io.authd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * The configuration as a document, before it becomes records: the defaults written out as a tree, and
 * the file laid over them. Keeping every source in one tree lets the environment override any key the
 * same way, whether the file set it or not, and lets one binder report every problem.
 */
final class ConfigTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTree() {
    }

    /**
     * {@code value} as a document: a record becomes a mapping, a list of records a list of mappings, and
     * any other value is kept as it is (a POJO node) so it needs no parsing back. Nulls are left out.
     */
    static JsonNode of(Object value) {
        if (value instanceof Record section) {
            ObjectNode node = NODES.objectNode();
            for (ConfigSchema.Key key : ConfigSchema.keys(section.getClass())) {
                Object v = key.valueIn(section);
                if (v != null) {
                    node.set(key.name(), of(v));
                }
            }
            return node;
        }
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Record) {
            ArrayNode node = NODES.arrayNode();
            list.forEach(entry -> node.add(of(entry)));
            return node;
        }
        return NODES.pojoNode(value);
    }

    /**
     * Lays {@code given} over {@code defaults} (neither is modified). Sections merge key by key; an empty
     * value ({@code key:} or {@code key: ~}) keeps the default; a list replaces the default list, and each
     * entry of a list of sections starts from the first default entry without its required keys (so every
     * realm gets the default policy but must name itself). Keys the schema does not know are kept, for the
     * binder to report.
     *
     * @return the merged node; null when neither side has one
     */
    static JsonNode overlay(Type type, JsonNode defaults, JsonNode given) {
        if (given == null || given.isNull()) {
            return defaults;
        }
        if (defaults == null) {
            return given;
        }
        if (ConfigSchema.isSection(type) && defaults.isObject() && given.isObject()) {
            return overlaySection((Class<?>) type, (ObjectNode) defaults, (ObjectNode) given);
        }
        if (ConfigSchema.isSectionList(type) && !defaults.isEmpty() && given.isArray()) {
            return overlayEntries(ConfigSchema.elementType(type), defaults.get(0), (ArrayNode) given);
        }
        return given;
    }

    private static ObjectNode overlaySection(Class<?> section, ObjectNode defaults, ObjectNode given) {
        List<ConfigSchema.Key> keys = ConfigSchema.keys(section);
        ObjectNode merged = defaults.deepCopy();
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            JsonNode value = keys.stream()
                    .filter(k -> k.name().equals(field.getKey()))
                    .findFirst()
                    .map(k -> overlay(k.type(), defaults.get(k.name()), field.getValue()))
                    .orElse(field.getValue());
            if (value == null) {
                merged.remove(field.getKey());
            } else {
                merged.set(field.getKey(), value);
            }
        }
        return merged;
    }

    private static ArrayNode overlayEntries(Class<?> section, JsonNode firstDefault, ArrayNode given) {
        ObjectNode template = ((ObjectNode) firstDefault).deepCopy();
        ConfigSchema.keys(section).stream().filter(ConfigSchema.Key::required).forEach(k -> template.remove(k.name()));
        ArrayNode merged = NODES.arrayNode();
        given.forEach(entry -> merged.add(entry.isObject() ? overlay(section, template, entry) : entry));
        return merged;
    }
}
