package io.authd.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --rate spreads the target rate over the loops; without it the loops are not paced. */
class LoadOptionsTest {
    @Test
    void shouldGiveEachLoopItsShareOfTheRate() {
        LoadOptions o = LoadOptions.parse(new String[] {"--users-file", "u.txt", "--connections", "10", "--rate", "1000"});

        assertThat(o.loopIntervalNanos()).isEqualTo(10_000_000L);
    }

    @Test
    void shouldNotPaceWithoutARate() {
        assertThat(LoadOptions.parse(new String[] {"--users-file", "u.txt"}).loopIntervalNanos()).isZero();
    }

    @Test
    void shouldRefuseARateThatIsNotPositive() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--users-file", "u.txt", "--rate", "0"}))
                .isInstanceOf(LoadOptions.UsageException.class).hasMessageContaining("--rate");
    }
}
