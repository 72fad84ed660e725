package io.authd.config;

import io.authd.bearer.JwtAlgorithm;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the text of a YAML scalar or an environment variable becomes a value of each type the records use.
 * Both sources go through the same parsers, so {@code port: abc} and {@code AUTHD_LISTEN_PUBLIC_PORT=abc}
 * fail alike. Tokens (algorithms, qop, enums) ignore case: operators write {@code sha-256} and {@code STRICT}.
 */
final class Scalars {

    /**
     * @param expected what a value looks like, for "expected ..., got a list"
     * @param parse    text to value; throws {@link IllegalArgumentException} whose message names the text
     */
    record Scalar(String expected, Function<String, Object> parse) {
    }

    private static final Map<Class<?>, Scalar> BY_TYPE = Map.ofEntries(
            Map.entry(String.class, new Scalar("a string", text -> text)),
            Map.entry(int.class, new Scalar("a number", Scalars::parseInt)),
            Map.entry(double.class, new Scalar("a number", Scalars::parseDouble)),
            Map.entry(boolean.class, new Scalar("true or false", Scalars::parseBoolean)),
            Map.entry(Boolean.class, new Scalar("true or false", Scalars::parseBoolean)),
            Map.entry(Duration.class, new Scalar("a duration", Durations::parse)),
            Map.entry(Path.class, new Scalar("a path", Scalars::parsePath)),
            Map.entry(Mode.class, tokens("mode", Mode.values(), Scalars::lowerCase)),
            Map.entry(UriCheck.class, tokens("uri check", UriCheck.values(), Scalars::lowerCase)),
            Map.entry(ClientAuth.class, tokens("client auth", ClientAuth.values(), Scalars::lowerCase)),
            Map.entry(LogFormat.class, tokens("log format", LogFormat.values(), Scalars::lowerCase)),
            Map.entry(DigestAlgorithm.class, tokens("algorithm", DigestAlgorithm.values(), DigestAlgorithm::token)),
            Map.entry(Qop.class, tokens("qop", Qop.values(), Qop::token)),
            Map.entry(JwtAlgorithm.class, tokens("JWS algorithm", JwtAlgorithm.values(), JwtAlgorithm::token)));

    private Scalars() {
    }

    static Scalar of(Class<?> type) {
        Scalar scalar = BY_TYPE.get(type);
        if (scalar == null) {
            throw new IllegalStateException("no parser for config values of type " + type.getName());
        }
        return scalar;
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw expected("a number", text);
        }
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw expected("a number", text);
        }
    }

    private static boolean parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw expected("true or false", text);
        };
    }

    /** Blank would resolve to the config directory itself, never a file anyone meant. */
    private static Path parsePath(String text) {
        if (text.isBlank()) {
            throw expected("a path", text);
        }
        return Path.of(text);
    }

    private static <T> Scalar tokens(String noun, T[] values, Function<T, String> token) {
        String known = Arrays.stream(values).map(token).collect(Collectors.joining(", "));
        List<T> all = List.of(values);
        return new Scalar("one of " + known, text -> all.stream()
                .filter(v -> token.apply(v).equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + noun + " '" + text + "' (known: " + known + ")")));
    }

    private static String lowerCase(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static IllegalArgumentException expected(String what, String got) {
        return new IllegalArgumentException("expected " + what + ", got '" + got + "'");
    }
}
