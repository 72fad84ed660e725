package io.authd.credentials;

import java.util.function.Function;

/** Operator input turned into a value that obeys {@link CredentialRules}, or why it cannot be. */
public sealed interface Checked<T> {

    record Valid<T>(T value) implements Checked<T> {
    }

    /** @param problem names the field it concerns, e.g. {@code password must not be empty} */
    record Invalid<T>(String problem) implements Checked<T> {
    }

    default <R> Checked<R> map(Function<T, R> f) {
        return switch (this) {
            case Valid<T> valid -> new Valid<>(f.apply(valid.value()));
            case Invalid<T> invalid -> new Invalid<>(invalid.problem());
        };
    }
}
