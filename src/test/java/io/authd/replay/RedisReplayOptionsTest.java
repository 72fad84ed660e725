package io.authd.replay;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisReplayOptionsTest {

    @Test
    void theCommandTimeoutDefaultsToAQuarterSecond() {
        assertThat(new RedisReplayOptions("redis://127.0.0.1:6379", "authd:", 64).commandTimeout())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void everyBadFieldIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedisReplayOptions("http://127.0.0.1", null, 65, Duration.ZERO))
                .withMessage("uri: must be a redis://, rediss:// or unix:// URI; "
                        + "keyPrefix: required (may be empty); window: must be 1..64, got 65; "
                        + "commandTimeout: must be at least 1ms, got PT0S");
    }

    @Test
    void aMissingOrMalformedUriIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedisReplayOptions(null, "", 64))
                .withMessageStartingWith("uri: ");
        assertThatIllegalArgumentException().isThrownBy(() -> new RedisReplayOptions("redis://[bad", "", 64))
                .withMessageStartingWith("uri: ");
    }

    @Test
    void aUnixSocketUriIsAcceptedAsTheConfigurationAcceptsIt() {
        assertThat(new RedisReplayOptions("unix:///var/run/redis/redis.sock", "", 64).uri()).startsWith("unix://");
    }

    @Test
    void aRefusedUriIsNotEchoedSinceItMayCarryAPassword() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RedisReplayOptions("http://user:s3cret@127.0.0.1", "", 64))
                .withMessageNotContaining("s3cret");
    }
}
