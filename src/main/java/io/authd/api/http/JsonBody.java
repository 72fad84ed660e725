package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;

/**
 * Reads the JSON object of a request body with Jackson's streaming parser, field by field: no reflection, no
 * tree. Every body of the API shares these limits and these words for what is wrong.
 */
final class JsonBody {
    /** Bodies are small; deep nesting can only be an attack on the parser. */
    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_STRING_LENGTH = 64 * 1024;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
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
