package io.authd.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them: a whole number with a unit ({@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 2d}) or ISO-8601 ({@code PT5M}). A bare number is refused: "300" could mean seconds
 * or milliseconds, and guessing wrong by a factor of 1000 is how nonces end up living for 5 minutes or 0.3 s.
 */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(-?\\d+)(ms|s|m|h|d)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    /** Largest first, so {@link #format} picks the shortest exact spelling. */
    private static final List<Unit> UNITS = List.of(new Unit("d", ChronoUnit.DAYS), new Unit("h", ChronoUnit.HOURS),
            new Unit("m", ChronoUnit.MINUTES), new Unit("s", ChronoUnit.SECONDS), new Unit("ms", ChronoUnit.MILLIS));

    private record Unit(String suffix, ChronoUnit unit) {
    }

    private Durations() {
    }

    static Duration parse(String text) {
        String t = text.strip();
        Matcher m = SHORT.matcher(t);
        try {
            if (m.matches()) {
                return Duration.of(Long.parseLong(m.group(1)), unit(m.group(2)));
            }
            if (t.toUpperCase(Locale.ROOT).matches("-?P.*")) {
                return Duration.parse(t);
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // falls through to the message below: out of range or not ISO-8601 after all
        }
        if (NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("duration needs a unit (ms, s, m, h, d), got '" + text + "'");
        }
        throw new IllegalArgumentException("expected a duration such as 300s, 5m or PT5M, got '" + text + "'");
    }

    private static ChronoUnit unit(String suffix) {
        return UNITS.stream().filter(u -> u.suffix.equals(suffix)).findFirst().orElseThrow().unit;
    }

    /** The shortest exact short form ({@code 300s} → {@code 5m}), or ISO-8601 below a millisecond. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.getNano() % 1_000_000 != 0) {
            return d.toString();
        }
        for (Unit u : UNITS) {
            long seconds = u.unit.getDuration().getSeconds();
            if (d.getNano() == 0 && seconds > 0 && d.getSeconds() % seconds == 0) {
                return d.getSeconds() / seconds + u.suffix;
            }
        }
        return d.toMillis() + "ms";
    }
}
