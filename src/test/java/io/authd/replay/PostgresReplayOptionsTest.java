package io.authd.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresReplayOptionsTest {
    private static final String URI = "postgresql://postgres@127.0.0.1:5432/postgres";
    private static final Duration TIMEOUT = Duration.ofMillis(250);
    private static final Duration PURGE = Duration.ofSeconds(60);

    @Test
    void defaultsAreTheFullWindowAShortTimeoutAndAMinutePurge() {
        PostgresReplayOptions options = PostgresReplayOptions.defaults(URI);
        assertThat(options.window()).isEqualTo(64);
        assertThat(options.statementTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(options.purgeInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void eachBadFieldIsNamed() {
        assertRejected(() -> new PostgresReplayOptions("mysql://x", "public", 64, TIMEOUT, PURGE), "uri");
        assertRejected(() -> new PostgresReplayOptions(null, "public", 64, TIMEOUT, PURGE), "uri");
        assertRejected(() -> new PostgresReplayOptions(URI, "Public; DROP", 64, TIMEOUT, PURGE), "schema");
        assertRejected(() -> new PostgresReplayOptions(URI, "public", 0, TIMEOUT, PURGE), "window");
        assertRejected(() -> new PostgresReplayOptions(URI, "public", 65, TIMEOUT, PURGE), "window");
        assertRejected(() -> new PostgresReplayOptions(URI, "public", 64, Duration.ZERO, PURGE), "statementTimeout");
        assertRejected(() -> new PostgresReplayOptions(URI, "public", 64, Duration.ofMinutes(2), PURGE),
                "statementTimeout");
        assertRejected(() -> new PostgresReplayOptions(URI, "public", 64, TIMEOUT, null), "purgeInterval");
    }

    @Test
    void aRejectedUriIsNotEchoedBecauseItMayHoldAPassword() {
        assertThatThrownBy(() -> new PostgresReplayOptions("mysql://u:secret@h/db", "public", 64, TIMEOUT, PURGE))
                .hasMessageNotContaining("secret");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable construct, String field) {
        assertThatThrownBy(construct).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }
}
