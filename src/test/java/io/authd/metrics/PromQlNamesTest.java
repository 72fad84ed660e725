package io.authd.metrics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlNamesTest {

    @Test
    void histogramQuantileYieldsTheBucketSeriesNotTheFunctionsOrTheGroupingLabels() {
        assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (le) (rate(authd_verify_duration_seconds_bucket"
                + "{namespace=~\"$namespace\", pod=~\"$pod\"}[$__rate_interval])))"))
                .containsExactly("authd_verify_duration_seconds_bucket");
    }

    @Test
    void bothSidesOfABinaryOperationAreNamedAndLabelValuesAreNot() {
        assertThat(PromQlNames.of("sum by (outcome) (rate(a_bucket{le=\"0.001\", x=~\"f(o)o|bar\"}[5m])) / "
                + "sum without (pod) (rate(a_count[1m])) and on (job) b_total offset 5m > bool 1e-3"))
                .containsExactly("a_bucket", "a_count", "b_total");
    }

    @Test
    void aggregationWithTheGroupingAfterTheArgumentIsNotAName() {
        assertThat(PromQlNames.of("max(process_cpu_usage) by (pod)")).containsExactly("process_cpu_usage");
    }

    @Test
    void labelValuesVariableQueryNamesItsSeriesNotItsLabel() {
        assertThat(PromQlNames.ofVariableQuery("label_values(authd_decisions_total{namespace=~\"$namespace\"}, pod)"))
                .containsExactly("authd_decisions_total");
    }
}
