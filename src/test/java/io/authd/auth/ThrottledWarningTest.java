package io.authd.auth;

import ch.qos.logback.classic.Level;
import io.authd.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledWarningTest {
    private static final Exception TIMEOUT = new java.util.concurrent.TimeoutException("no answer within 250 ms");
    private static final Exception REFUSED = new java.net.ConnectException("refused");

    @Test
    void repeatsWithinTheIntervalAreCountedNotLogged() {
        try (CapturedLog log = new CapturedLog(ThrottledWarningTest.class)) {
            ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
                    Duration.ofHours(1));
            for (int i = 0; i < 1000; i++) {
                warning.warn("store down", TIMEOUT);
            }
            assertThat(log.at(Level.WARN)).containsExactly("store down: java.util.concurrent.TimeoutException: no answer within 250 ms");
        }
    }

    @Test
    void theNextLineAfterTheIntervalSaysHowManyWereSkipped() throws InterruptedException {
        try (CapturedLog log = new CapturedLog(ThrottledWarningTest.class)) {
            ThrottledWarning warning = new ThrottledWarning(LoggerFactory.getLogger(ThrottledWarningTest.class),
                    Duration.ofMillis(20));
            warning.warn("store down", TIMEOUT);
            warning.warn("store down", TIMEOUT);
            warning.warn("store down", TIMEOUT);
            Thread.sleep(40); // past the interval: the only way to pass System.nanoTime
            warning.warn("store down", REFUSED);

            assertThat(log.at(Level.WARN)).containsExactly("store down: java.util.concurrent.TimeoutException: no answer within 250 ms",
                    "store down: java.net.ConnectException: refused (2 more since the last line)");
        }
    }
}
