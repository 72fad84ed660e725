package io.authd.bench.jmh;

import io.authd.api.http.Decoded;
import io.authd.auth.Decision;
import io.authd.auth.DigestIdentity;
import io.authd.auth.Outcome;
import io.authd.auth.Reason;
import io.authd.bearer.TokenCheck;
import io.authd.digest.CredentialsSelection;
import io.authd.nonce.NonceCheck;
import io.authd.replay.ReplayVerdict;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each JMH benchmark, called as JMH calls it (set-ups, then the benchmark method, then tear-downs) for every value
 * of its {@code @Param}: it runs, and it measures what it says, not an error or refusal path. Benchmark methods
 * return what they computed, so the answers are checked here.
 */
class BenchmarksRunTest {
    private static final List<Class<?>> BENCHMARKS = List.of(HeaderParseBenchmark.class, NonceBenchmark.class,
            ReplayWindowBenchmark.class, DigestVerifyBenchmark.class, JsonBenchmark.class, VerifyBenchmark.class);

    @Test
    void everyBenchmarkClassIsRunHere() throws Exception {
        try (var jar = java.nio.file.Files.list(java.nio.file.Path.of("target/classes/io/authd/bench/jmh"))) {
            List<String> withBenchmarks = jar.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith("Benchmark.class")).map(n -> n.replace(".class", "")).sorted().toList();
            assertThat(withBenchmarks).containsExactlyInAnyOrderElementsOf(
                    BENCHMARKS.stream().map(Class::getSimpleName).toList());
        }
    }

    @Test
    void digestVerificationsAllowEveryAlgorithmWithAndWithoutTheServedExtras() throws Exception {
        run(DigestVerifyBenchmark.class, results -> {
            for (String method : List.of("verify", "verifyAsServed")) {
                Decision d = (Decision) results.get(method);
                assertThat(d.outcome()).as(method).isEqualTo(Outcome.ALLOW);
                assertThat(d.reason()).isEqualTo(Reason.OK);
                assertThat(d.identity().user()).isEqualTo(AuthdFixture.USER);
                assertThat(d.headers()).singleElement().satisfies(h -> assertThat(h.value()).contains("rspauth="));
            }
            assertThat((byte[]) results.get("baseline")).isNotNull();
        });
    }

    @Test
    void digestVerificationStaysAnAllowWhenTheRingOfRequestsStartsOver() {
        DigestVerifyBenchmark b = new DigestVerifyBenchmark();
        b.algorithm = "SHA-256-sess";
        try {
            b.wire();
            b.ring();
            for (int i = 0; i <= DigestVerifyBenchmark.RING; i++) {
                Decision d = b.verify();
                assertThat(d.outcome()).as("verification %d: %s %s", i, d.reason(), d.detail()).isEqualTo(Outcome.ALLOW);
                assertThat(((DigestIdentity) d.identity()).algorithm().token()).isEqualTo("SHA-256-sess");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        } finally {
            b.close();
        }
    }

    @Test
    void everyHeaderShapeIsReadAsDigestCredentialsForItsRealm() throws Exception {
        run(HeaderParseBenchmark.class, results -> {
            assertThat(results.get("select")).isInstanceOf(CredentialsSelection.Found.class);
            assertThat(results.get("scan")).isInstanceOf(io.authd.digest.AuthorizationParse.Parsed.class);
        });
    }

    @Test
    void nearLimitHeaderIsNearTheLimit() {
        String header = HeaderParseBenchmark.Shape.of("near-limit").header();
        assertThat(header.length()).isBetween(7_500, io.authd.digest.AuthorizationParser.MAX_HEADER_LENGTH);
    }

    @Test
    void nonceChecksAreOfFreshNonces() throws Exception {
        run(NonceBenchmark.class, results -> {
            assertThat(results.get("check")).isInstanceOf(NonceCheck.Fresh.class);
            assertThat((String) results.get("mint")).hasSize(io.authd.nonce.NonceService.NONCE_LENGTH);
        });
    }

    @Test
    void replayVerdictsAreTheOnesEachCaseNames() throws Exception {
        run(ReplayWindowBenchmark.class, results -> {
            assertThat(results.get("firstUse")).isEqualTo(ReplayVerdict.FIRST_USE);
            assertThat(results.get("nextCount")).isEqualTo(ReplayVerdict.FIRST_USE);
            assertThat(results.get("replayed")).isEqualTo(ReplayVerdict.REPLAYED);
            assertThat(results.get("window")).isEqualTo(true);
        });
    }

    @Test
    void jsonBodyDecodesToAVerifyRequest() throws Exception {
        run(JsonBenchmark.class, results -> {
            assertThat(results.get("decode")).isInstanceOf(Decoded.Ok.class);
            assertThat(results.get("encode").toString()).startsWith("{\"outcome\":\"allow\"");
        });
    }

    @Test
    void jsonBodyIsAboutFourHundredBytes() {
        JsonBenchmark b = new JsonBenchmark();
        b.body();
        assertThat(b.bodyLength()).isBetween(350, 500);
    }

    @Test
    void tokensAndDigestAnswersAreAccepted() throws Exception {
        run(VerifyBenchmark.class, results -> {
            for (String jwt : List.of("jwtRs256", "jwtEs256", "jwtHs256")) {
                assertThat(results.get(jwt)).as(jwt).isInstanceOf(TokenCheck.Valid.class);
            }
            assertThat(results.get("digestMd5")).isEqualTo(true);
            assertThat(results.get("digestSha256")).isEqualTo(true);
        });
    }

    /**
     * For every value of the class's {@code @Param} (one at most here), a fresh instance: its trial and iteration
     * set-ups, each benchmark method called twice (the second result is handed on), then its tear-downs.
     */
    private static void run(Class<?> type, Consumer<Map<String, Object>> check) throws Exception {
        Field param = Arrays.stream(type.getFields()).filter(f -> f.isAnnotationPresent(Param.class)).findFirst()
                .orElse(null);
        List<String> values = param == null ? Arrays.asList((String) null) : List.of(param.getAnnotation(Param.class).value());
        for (String value : values) {
            Object bench = type.getConstructor().newInstance();
            if (param != null) {
                param.set(bench, value);
            }
            Map<String, Object> results = new LinkedHashMap<>();
            try {
                call(bench, Setup.class, Level.Trial);
                call(bench, Setup.class, Level.Iteration);
                for (Method m : annotated(type, Benchmark.class)) {
                    m.invoke(bench);
                    results.put(m.getName(), m.invoke(bench));
                }
                call(bench, TearDown.class, Level.Iteration);
            } catch (InvocationTargetException e) {
                throw new AssertionError(type.getSimpleName() + " " + value + ": " + e.getCause(), e.getCause());
            } finally {
                call(bench, TearDown.class, Level.Trial);
            }
            assertThat(results).as("%s %s: every @Benchmark ran", type.getSimpleName(), value)
                    .hasSize(annotated(type, Benchmark.class).size());
            check.accept(results);
        }
    }

    private static void call(Object bench, Class<? extends java.lang.annotation.Annotation> kind, Level level)
            throws Exception {
        for (Method m : annotated(bench.getClass(), kind)) {
            Level at = kind == Setup.class ? m.getAnnotation(Setup.class).value() : m.getAnnotation(TearDown.class).value();
            if (at == level) {
                m.invoke(bench);
            }
        }
    }

    private static List<Method> annotated(Class<?> type, Class<? extends java.lang.annotation.Annotation> kind) {
        List<Method> methods = new ArrayList<>(Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(kind)).toList());
        methods.sort(Comparator.comparing(Method::getName));
        return methods;
    }
}
