package io.authd.api.http;

/** A decoded API request, or why it is not one. */
public sealed interface Decoded<T> {
    record Ok<T>(T value) implements Decoded<T> {
    }

    record Invalid<T>(ApiError error) implements Decoded<T> {
    }

    static <T> Decoded<T> invalid(ApiError e) {
        return new Invalid<>(e);
    }
}
