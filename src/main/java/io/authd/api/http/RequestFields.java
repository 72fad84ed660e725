package io.authd.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fields of a /v1/challenge or /v1/verify body, read with Jackson's streaming parser: no reflection, no
 * tree, and every type error names its field. Unknown fields are skipped so callers may send newer fields.
 */
final class RequestFields {
    /** Bodies are small; deep nesting can only be an attack on the parser. */
    static final int MAX_NESTING_DEPTH = 16;
    static final int MAX_STRING_LENGTH = 64 * 1024;
    static final int MAX_ARRAY_ITEMS = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    String protocol;
    String role;
    String method;
    String uri;
    String realm;
    List<String> algorithms;
    List<String> authorization;
    byte[] body;
    String clientAddress;
    List<String> requiredScopes;
    /** The first problem met; reading goes on to the end so the parser stays in step. */
    private ApiError problem;

    private RequestFields() {
    }

    /** Reads {@code json}; the ApiError says what is wrong when it is not a valid request object. */
    static Decoded<RequestFields> read(byte[] json) {
        RequestFields f = new RequestFields();
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Decoded.invalid(ApiError.invalidJson("request body must be a JSON object"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                ApiError e = f.field(name, p);
                if (e != null) {
                    return Decoded.invalid(e);
                }
            }
            if (p.nextToken() != null) {
                return Decoded.invalid(ApiError.invalidJson("unexpected content after the JSON object"));
            }
            return new Decoded.Ok<>(f);
        } catch (StreamConstraintsException e) {
            return Decoded.invalid(ApiError.invalidJson("request exceeds parser limits (nesting depth "
                    + MAX_NESTING_DEPTH + ", string length " + MAX_STRING_LENGTH + ")"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The location only: Jackson's message quotes the input, which may hold credentials.
            var at = e.getLocation();
            return Decoded.invalid(ApiError.invalidJson(at == null ? "not valid JSON"
                    : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            return Decoded.invalid(ApiError.invalidJson("not valid JSON"));
        }
    }

    private ApiError field(String name, JsonParser p) throws IOException {
        switch (name) {
            case "protocol" -> protocol = string(name, p);
            case "role" -> role = string(name, p);
            case "method" -> method = string(name, p);
            case "uri" -> uri = string(name, p);
            case "realm" -> realm = string(name, p);
            case "clientAddress" -> clientAddress = string(name, p);
            case "algorithms" -> algorithms = stringArray(name, p, false);
            case "requiredScopes" -> requiredScopes = stringArray(name, p, false);
            case "authorization" -> authorization = stringArray(name, p, true);
            case "body" -> body = base64(name, p);
            default -> p.skipChildren();
        }
        return problem;
    }

    private String string(String name, JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            fail(ApiError.invalidField(name, "expected a string, got " + describe(p.currentToken())));
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** An array of strings; {@code orSingle} also takes one bare string (authorization may be either). */
    private List<String> stringArray(String name, JsonParser p, boolean orSingle) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (orSingle && t == JsonToken.VALUE_STRING) {
            return List.of(p.getText());
        }
        if (t != JsonToken.START_ARRAY) {
            fail(ApiError.invalidField(name, "expected " + (orSingle ? "a string or " : "") + "an array of strings, got "
                    + describe(t)));
            p.skipChildren();
            return null;
        }
        List<String> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                fail(ApiError.invalidField(name + "[" + items.size() + "]", "expected a string, got " + describe(t)));
                p.skipChildren();
            } else if (items.size() == MAX_ARRAY_ITEMS) {
                fail(ApiError.invalidField(name, "at most " + MAX_ARRAY_ITEMS + " items"));
            } else {
                items.add(p.getText());
            }
        }
        return items;
    }

    private byte[] base64(String name, JsonParser p) throws IOException {
        String s = string(name, p);
        if (s == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            fail(ApiError.invalidField(name, "expected base64"));
            return null;
        }
    }

    private void fail(ApiError e) {
        if (problem == null) {
            problem = e;
        }
    }

    private static String describe(JsonToken t) {
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
