package io.authd.auth;

import java.util.Objects;

/** One header the caller must add to its answer, in order. */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
