package io.authd.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The fields of a /v1/challenge or /v1/verify body ({@link JsonBody}): every type error names its field.
 * Unknown fields are skipped so callers may send newer fields. The gRPC API fills the same fields from its
 * messages with the setters, so {@link ApiRequests} judges both APIs' input by the same rules.
 */
public final class RequestFields {
    static final int MAX_ARRAY_ITEMS = 64;

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
    boolean secure;
    String apiKey;
    /** The first problem met; reading goes on to the end so the parser stays in step. */
    private ApiError problem;

    private RequestFields() {
    }

    /** No field given; set those the request has (null means not given, as an absent JSON field). */
    public static RequestFields create() {
        return new RequestFields();
    }

    public RequestFields protocol(String v) {
        protocol = v;
        return this;
    }

    public RequestFields role(String v) {
        role = v;
        return this;
    }

    public RequestFields method(String v) {
        method = v;
        return this;
    }

    public RequestFields uri(String v) {
        uri = v;
        return this;
    }

    public RequestFields realm(String v) {
        realm = v;
        return this;
    }

    public RequestFields algorithms(List<String> v) {
        algorithms = v;
        return this;
    }

    public RequestFields authorization(List<String> v) {
        authorization = v;
        return this;
    }

    public RequestFields body(byte[] v) {
        body = v;
        return this;
    }

    public RequestFields clientAddress(String v) {
        clientAddress = v;
        return this;
    }

    public RequestFields requiredScopes(List<String> v) {
        requiredScopes = v;
        return this;
    }

    /** The original request came over TLS, as the caller says. */
    public RequestFields secure(boolean v) {
        secure = v;
        return this;
    }

    /** An API key that came outside Authorization (e.g. in X-API-Key). */
    public RequestFields apiKey(String v) {
        apiKey = v;
        return this;
    }

    /** Reads {@code json}; the ApiError says what is wrong when it is not a valid request object. */
    static Decoded<RequestFields> read(byte[] json) {
        RequestFields f = new RequestFields();
        ApiError e = JsonBody.readObject(json, f::field);
        return e == null ? new Decoded.Ok<>(f) : Decoded.invalid(e);
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
            case "secure" -> secure = bool(name, p);
            case "apiKey" -> apiKey = string(name, p);
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
            fail(ApiError.invalidField(name, "expected a string, got " + JsonBody.describe(p.currentToken())));
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** A boolean; null (like an absent field) is false. */
    private boolean bool(String name, JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE && t != JsonToken.VALUE_NULL) {
            fail(ApiError.invalidField(name, "expected a boolean, got " + JsonBody.describe(t)));
            p.skipChildren();
        }
        return t == JsonToken.VALUE_TRUE;
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
                    + JsonBody.describe(t)));
            p.skipChildren();
            return null;
        }
        List<String> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                fail(ApiError.invalidField(name + "[" + items.size() + "]", "expected a string, got " + JsonBody.describe(t)));
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

}
