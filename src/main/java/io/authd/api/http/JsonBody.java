package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the JSON object of a request body with Jackson's streaming parser, field by field: no reflection, no
 * tree. Every body of the API shares these limits and these words for what is wrong.
 *
 * <p>A field given twice is refused (two parsers on the way could read different values of it). This checks the
 * top-level names itself rather than with Jackson's {@code STRICT_DUPLICATE_DETECTION}, whose per-object hash set
 * cost more than the rest of the parse; nested objects check their own keys ({@link UserFields}) or are skipped.
 */
final class JsonBody {
    /** Bodies are small; deep nesting can only be an attack on the parser. */
    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Field names echoed in messages are cut to this length. */
    private static final int MAX_NAME_SHOWN = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build())
            .build();

    private JsonBody() {
    }

    /** Reads the value of one top-level field, the parser on its first token; the problem, or null. */
    @FunctionalInterface
    interface FieldReader {
        ApiError read(String name, JsonParser p) throws IOException;
    }

    /** Hands each top-level field of {@code json} to {@code fields}; the first problem, or null when all is well. */
    static ApiError readObject(byte[] json, FieldReader fields) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return ApiError.invalidJson("request body must be a JSON object");
            }
            SeenNames seen = new SeenNames();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!seen.add(name)) {
                    return ApiError.invalidJson("field " + shown(name) + " given twice");
                }
                p.nextToken();
                ApiError e = fields.read(name, p);
                if (e != null) {
                    return e;
                }
            }
            return p.nextToken() == null ? null : ApiError.invalidJson("unexpected content after the JSON object");
        } catch (StreamConstraintsException e) {
            return ApiError.invalidJson("request exceeds parser limits (nesting depth " + MAX_NESTING_DEPTH
                    + ", string length " + MAX_STRING_LENGTH + ")");
        } catch (JsonProcessingException e) {
            // The location only: Jackson's message quotes the input, which may hold credentials.
            var at = e.getLocation();
            return ApiError.invalidJson(at == null ? "not valid JSON"
                    : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        } catch (IOException e) {
            return ApiError.invalidJson("not valid JSON");
        }
    }

    private static String shown(String name) {
        return "\"" + (name.length() > MAX_NAME_SHOWN ? name.substring(0, MAX_NAME_SHOWN) + "..." : name) + "\"";
    }

    /**
     * The top-level names read so far: a few, compared in a small array; a body with many (made-up) names moves
     * to a hash set, so the check stays linear however many fields a hostile body holds.
     */
    private static final class SeenNames {
        private static final int SMALL = 16;
        private final String[] few = new String[SMALL];
        private int count;
        private Set<String> many;

        /** False when {@code name} was seen before. */
        boolean add(String name) {
            if (many != null) {
                return many.add(name);
            }
            for (int i = 0; i < count; i++) {
                if (few[i].equals(name)) {
                    return false;
                }
            }
            if (count < SMALL) {
                few[count++] = name;
                return true;
            }
            many = new HashSet<>(Arrays.asList(few));
            return many.add(name);
        }
    }

    /** A token as a message names it: "expected a string, got a number". */
    static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "a string";
        };
    }
}
