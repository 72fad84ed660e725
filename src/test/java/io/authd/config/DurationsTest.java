package io.authd.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"250ms, PT0.25S", "30s, PT30S", "5m, PT5M", "1h, PT1H", "2d, PT48H", "-5s, PT-5S", "PT5M, PT5M",
            "pt1m30s, PT1M30S", "' 10s ', PT10S"})
    void shortUnitsAndIso8601AreAccepted(String text, String iso) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @CsvSource({"300", "1.5", "0"})
    void bareNumberNeedsAUnit(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("duration needs a unit (ms, s, m, h, d), got '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"5 m", "5M", "1.5h", "five minutes", "P", "99999999999999999999s"})
    void anythingElseIsRefusedShowingTheSyntax(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .hasMessage("expected a duration such as 300s, 5m or PT5M, got '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"PT0S, 0s", "PT0.25S, 250ms", "PT300S, 5m", "PT90S, 90s", "PT-5S, -5s", "PT48H, 2d", "PT0.0000001S, PT0.0000001S"})
    void formatPicksTheLargestExactUnit(String iso, String text) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(text);
    }

    @Test
    void formatReadsBackAsTheSameDuration() {
        Duration d = Duration.ofMillis(123_456_789);

        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
}
