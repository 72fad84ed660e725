package io.authd.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;

import static io.authd.replay.ReplayVerdict.FIRST_USE;
import static io.authd.replay.ReplayVerdict.REPLAYED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replay contract against a real Redis, plus what only a shared store must do: expire with the nonce,
 * share state between replicas, stay atomic under races, and fail (never allow) when Redis cannot answer.
 *
 * <p>Needs Redis on {@value #REDIS_URI}; without it every test fails (the suite's script starts one), so a
 * missing server is never mistaken for a pass. Each test uses its own random key prefix and deletes its keys.
 */
class RedisReplayStoreTest extends ReplayStoreContract {
    /** bin/test exports where it made sure Redis runs; the default is the machine's usual one. */
    private static final String REDIS_URI = System.getenv().getOrDefault("AUTHD_TEST_REDIS_URI", "redis://127.0.0.1:6379");
    /** Generous: the contract is about answers, and the build machine may be busy. */
    private static final Duration TEST_TIMEOUT = Duration.ofSeconds(2);
    /** The production default, for the tests about failing fast. */
    private static final Duration FAIL_FAST = RedisReplayOptions.DEFAULT_COMMAND_TIMEOUT;
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private static Vertx vertx;
    private static Redis admin;

    private final String prefix = "authd-test:" + UUID.randomUUID() + ":";
    private final List<RedisReplayStore> opened = new ArrayList<>();

    @BeforeAll
    static void requireRedis() {
        vertx = Vertx.vertx();
        admin = Redis.createClient(vertx, REDIS_URI);
        try {
            admin.send(Request.cmd(Command.PING)).await(5, TimeUnit.SECONDS);
        } catch (Exception e) { // await rethrows the connect failure as is, checked or not
            throw new AssertionError("Redis is not running on " + REDIS_URI + " (start it before these tests; "
                    + "they fail rather than skip): " + e, e);
        }
    }

    @AfterAll
    static void closeVertx() throws TimeoutException {
        admin.close().await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeStoresAndDeleteKeys() throws TimeoutException {
        for (RedisReplayStore store : opened) {
            store.close().await(5, TimeUnit.SECONDS);
        }
        for (String key : keysUnderPrefix()) {
            redis(Request.cmd(Command.DEL).arg(key));
        }
    }

    @Override
    protected ReplayStore newStore(int window) {
        return open(REDIS_URI, window, TEST_TIMEOUT);
    }

    @Test
    void theKeyExpiresWithTheNonce() {
        long expiresAt = System.currentTimeMillis() + MINUTE;
        assertThat(await(newStore(64).record("n1", 1, expiresAt))).isEqualTo(FIRST_USE);

        long pttl = redis(Request.cmd(Command.PTTL).arg(prefix + "nonce:n1")).toLong();
        assertThat(pttl).isPositive().isLessThanOrEqualTo(MINUTE);
    }

    @Test
    void aCountUsedOnOneReplicaIsReplayedOnAnother() {
        ReplayStore a = newStore(64);
        ReplayStore b = newStore(64);

        assertThat(record(a, "n1", 5)).isEqualTo(FIRST_USE);
        assertThat(record(b, "n1", 5)).isEqualTo(REPLAYED);
        assertThat(record(b, "n1", 6)).isEqualTo(FIRST_USE);
        assertThat(record(a, "n1", 6)).isEqualTo(REPLAYED);
    }

    /** Both replicas send the same counts in order, at the same time: their commands interleave on the key. */
    @Test
    void replicasRacingOnOneNonceAcceptEachCountExactlyOnce() throws TimeoutException {
        int counts = 2_000;
        Queue<Long> accepted = new ConcurrentLinkedQueue<>();

        Future.all(recordInOrder(newStore(64), counts, accepted), recordInOrder(newStore(64), counts, accepted))
                .await(60, TimeUnit.SECONDS);

        assertThat(accepted).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, counts).boxed().toList());
    }

    @Test
    void afterRedisForgetsTheScriptItIsSentAgain() {
        ReplayStore store = newStore(64);
        assertThat(record(store, "n1", 1)).isEqualTo(FIRST_USE);

        redis(Request.cmd(Command.SCRIPT).arg("FLUSH")); // as after a Redis restart

        assertThat(record(store, "n1", 1)).isEqualTo(REPLAYED);
        assertThat(record(store, "n1", 2)).isEqualTo(FIRST_USE);
    }

    @Test
    void anUnreachableRedisFailsTheRecordWithinTheTimeout() {
        RedisReplayStore store = open("redis://127.0.0.1:1", 64, FAIL_FAST); // a closed port

        assertFailsWithinTimeout(store);
    }

    /** A Redis that accepts connections but never answers (hung, or a black-holed network). */
    @Test
    void aHungRedisFailsTheRecordAtTheCommandTimeout() throws TimeoutException {
        NetServer silent = vertx.createNetServer().connectHandler(socket -> { })
                .listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        try {
            RedisReplayStore store = open("redis://127.0.0.1:" + silent.actualPort(), 64, FAIL_FAST);

            assertThat(assertFailsWithinTimeout(store)).as("failed by the command timeout")
                    .isInstanceOf(TimeoutException.class);
        } finally {
            silent.close().await(5, TimeUnit.SECONDS);
        }
    }

    /** Returns the failure. */
    private Throwable assertFailsWithinTimeout(RedisReplayStore store) {
        long start = System.nanoTime();
        Future<ReplayVerdict> verdict = store.record("n1", 1, System.currentTimeMillis() + MINUTE);
        Throwable failure = await(verdict.transform(done -> Future.succeededFuture(done.cause())));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(verdict.failed()).as("never a verdict, least of all FIRST_USE: %s", verdict.result()).isTrue();
        assertThat(failure).isNotNull();
        // slack for a busy machine; without the timeout a hung connection would wait forever
        assertThat(elapsed).isLessThan(FAIL_FAST.toMillis() + 750);
        assertThat(store.failures()).isEqualTo(1);
        return failure;
    }

    /** Records 1..counts one after the other, adding those accepted to {@code accepted}. */
    private static Future<Void> recordInOrder(ReplayStore store, int counts, Queue<Long> accepted) {
        long expiresAt = System.currentTimeMillis() + MINUTE;
        Future<Void> chain = Future.succeededFuture();
        for (long nc = 1; nc <= counts; nc++) {
            long count = nc;
            chain = chain.compose(v -> store.record("raced", count, expiresAt).map(verdict -> {
                if (verdict == FIRST_USE) {
                    accepted.add(count);
                }
                return null;
            }));
        }
        return chain;
    }

    private RedisReplayStore open(String uri, int window, Duration timeout) {
        RedisReplayStore store = RedisReplayStore.create(vertx, new RedisReplayOptions(uri, prefix, window, timeout));
        opened.add(store);
        return store;
    }

    private List<String> keysUnderPrefix() {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            Response page = redis(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
                    .arg("COUNT").arg(1000));
            cursor = page.get(0).toString();
            page.get(1).forEach(key -> keys.add(key.toString()));
        } while (!cursor.equals("0"));
        return keys;
    }

    private static Response redis(Request request) {
        return await(admin.send(request));
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer within 10s", e);
        }
    }
}
