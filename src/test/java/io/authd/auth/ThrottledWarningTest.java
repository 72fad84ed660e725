package io.authd.auth;

import ch.qos.logback.classic.Level;
import io.authd.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledWarningTest {

    @Test
    void repeatsWithinTheIntervalAreCountedNotLogged() {
        try (CapturedLog log = new CapturedLog(ThrottledWarningTest.class)) {
            ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
                    Duration.ofHours(1));
            for (int i = 0; i < 1000; i++) {
                warning.warn("store down", "timeout");
            }
            assertThat(log.at(Level.WARN)).containsExactly("store down: timeout");
        }
    }

    @Test
    void theNextLineAfterTheIntervalSaysHowManyWereSkipped() throws InterruptedException {
        try (CapturedLog log = new CapturedLog(ThrottledWarningTest.class)) {
            ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
                    Duration.ofMillis(20));
            warning.warn("store down", "timeout");
            warning.warn("store down", "timeout");
            warning.warn("store down", "timeout");
            Thread.sleep(40); // past the interval: the only way to pass System.nanoTime
            warning.warn("store down", "refused");

            assertThat(log.at(Level.WARN)).containsExactly("store down: timeout",
                    "store down: refused (2 more since the last line)");
        }
    }
}
