package io.authd.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.authd.credentials.Checked;
import io.authd.credentials.Secret;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserChanges;
import io.authd.credentials.UserCredentials;
import io.authd.digest.HashFunction;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of an admin API create ({@code username}, {@code password} or {@code ha1}, {@code enabled}) or
 * change (the same without {@code username}), read with {@link JsonBody} and prepared by {@link UserChanges}.
 * Unlike the public API, unknown fields are refused: a misspelt {@code enabled} must not leave a user enabled.
 */
final class UserFields {
    private static final List<String> CREATE = List.of("username", "password", "ha1", "enabled");
    private static final List<String> CHANGE = List.of("password", "ha1", "enabled");
    /** Longer field names are cut in messages: they are echoed, and may be hostile. */
    private static final int MAX_NAME_IN_MESSAGE = 32;

    private final List<String> known;
    private String username;
    private String password;
    private Map<HashFunction, String> ha1;
    private Boolean enabled;

    private UserFields(List<String> known) {
        this.known = known;
    }

    /** A new user of {@code realm} from a create body; enabled unless it says otherwise. */
    static Decoded<UserCredentials> newUser(String realm, byte[] json) {
        UserFields f = new UserFields(CREATE);
        ApiError e = JsonBody.readObject(json, f::field);
        if (e == null && f.username == null) {
            e = ApiError.missingField("username");
        }
        if (e == null && f.secret() == null) {
            e = ApiError.missingField("password or ha1");
        }
        return e != null ? Decoded.invalid(e)
                : prepared(UserChanges.newUser(realm, f.username, f.secret(), f.enabled == null || f.enabled));
    }

    /** A change of the user {@code username} of {@code realm} from a change body; at least one field. */
    static Decoded<UserChange> change(String realm, String username, byte[] json) {
        UserFields f = new UserFields(CHANGE);
        ApiError e = JsonBody.readObject(json, f::field);
        if (e == null && f.secret() == null && f.enabled == null) {
            e = ApiError.missingField("password, ha1 or enabled");
        }
        return e != null ? Decoded.invalid(e) : prepared(UserChanges.change(realm, username, f.secret(), f.enabled));
    }

    /** The password or the HA1s given, or null for neither; {@link #field} refuses both. */
    private Secret secret() {
        return password != null ? new Secret.Password(password) : ha1 != null ? new Secret.Ha1s(ha1) : null;
    }

    private static <T> Decoded<T> prepared(Checked<T> checked) {
        return switch (checked) {
            case Checked.Valid<T> valid -> new Decoded.Ok<>(valid.value());
            case Checked.Invalid<T> invalid -> Decoded.invalid(new ApiError(400, "invalid_field", invalid.problem()));
        };
    }

    private ApiError field(String name, JsonParser p) throws IOException {
        if (!known.contains(name)) {
            return ApiError.invalidField(shown(name), "unknown field (known: " + String.join(", ", known) + ")");
        }
        JsonToken t = p.currentToken();
        switch (name) {
            case "enabled" -> {
                if (!t.isBoolean()) {
                    return expected(name, "true or false", t);
                }
                enabled = t == JsonToken.VALUE_TRUE;
            }
            case "ha1" -> {
                if (t != JsonToken.START_OBJECT) {
                    return expected(name, "an object of hash function to HA1", t);
                }
                ha1 = new EnumMap<>(HashFunction.class);
                ApiError e = ha1(p);
                if (e != null) {
                    return e;
                }
            }
            default -> {
                if (t != JsonToken.VALUE_STRING) {
                    return expected(name, "a string", t);
                }
                if (name.equals("username")) {
                    username = p.getText();
                } else {
                    password = p.getText();
                }
            }
        }
        return password != null && ha1 != null ? ApiError.invalidField("password, ha1", "give one, not both") : null;
    }

    /** Fills {@link #ha1} from {@code {"MD5": "...", ...}}; keys are hash function tokens in any case, each once. */
    private ApiError ha1(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            Optional<HashFunction> hash = HashFunction.fromToken(key);
            if (hash.isEmpty()) {
                return ApiError.invalidField("ha1." + shown(key), "unknown hash function (known: " + HashFunction.tokens() + ")");
            }
            String field = "ha1." + hash.get().token();
            if (t != JsonToken.VALUE_STRING) {
                return expected(field, "a string", t);
            }
            if (ha1.put(hash.get(), p.getText()) != null) {
                return ApiError.invalidField(field, "given twice");
            }
        }
        return null;
    }

    private static ApiError expected(String field, String what, JsonToken got) {
        return ApiError.invalidField(field, "expected " + what + ", got " + JsonBody.describe(got));
    }

    private static String shown(String name) {
        return name.length() > MAX_NAME_IN_MESSAGE ? name.substring(0, MAX_NAME_IN_MESSAGE) + "..." : name;
    }
}
