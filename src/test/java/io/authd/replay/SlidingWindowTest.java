package io.authd.replay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlidingWindowTest {
    private final SlidingWindow window = new SlidingWindow(64);

    @Test
    void eachCountIsAcceptedOnce() {
        assertThat(window.accept(1)).isTrue();
        assertThat(window.accept(1)).isFalse();
        assertThat(window.accept(2)).isTrue();
        assertThat(window.accept(2)).isFalse();
    }

    @Test
    void outOfOrderCountsInsideTheWindowAreAcceptedOnce() {
        assertThat(window.accept(10)).isTrue();
        assertThat(window.accept(7)).isTrue();
        assertThat(window.accept(9)).isTrue();
        assertThat(window.accept(7)).isFalse();
        assertThat(window.accept(1)).isTrue();
        assertThat(window.highest()).isEqualTo(10);
    }

    @Test
    void countsOlderThanTheWindowAreRefused() {
        assertThat(window.accept(100)).isTrue();
        assertThat(window.accept(37)).isTrue();  // offset 63: last slot
        assertThat(window.accept(36)).isFalse(); // offset 64: outside
    }

    @Test
    void aLargeJumpForgetsEverythingBelowTheWindow() {
        assertThat(window.accept(5)).isTrue();
        assertThat(window.accept(1_000)).isTrue();
        assertThat(window.accept(5)).isFalse();
        assertThat(window.accept(999)).isTrue();
        assertThat(window.accept(1_000)).isFalse();
    }

    @Test
    void countZeroAndNegativeAreNeverAccepted() {
        assertThat(window.accept(0)).isFalse();
        assertThat(window.accept(-1)).isFalse();
    }

    @Test
    void smallWindowsRefuseSooner() {
        SlidingWindow small = new SlidingWindow(4);
        assertThat(small.accept(10)).isTrue();
        assertThat(small.accept(7)).isTrue();
        assertThat(small.accept(6)).isFalse();
    }

    @Test
    void windowSizeIsValidated() {
        assertThatThrownBy(() -> new SlidingWindow(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlidingWindow(65)).isInstanceOf(IllegalArgumentException.class);
    }
}
