package io.authd.replay;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay state in Redis, shared by every replica: a nonce-count used on one replica is a replay on all
 * (RFC 7616 §3.4). Each {@link #record} is one Lua script run, so the check and the update are atomic even
 * when replicas race on the same nonce; the window is the memory store's (RFC 4303 §3.4.3), see
 * {@code replay-window.lua} for how its 64-bit bitmap is kept in Lua's doubles.
 *
 * <p>One hash per nonce, {@code <prefix>nonce:<nonce>}, which expires with the nonce ({@code PEXPIREAT}
 * on every write), so Redis holds only live nonces and needs no cleanup.
 *
 * <p>Fails closed: when Redis is down, slow or answers an error, the future fails (never
 * {@link ReplayVerdict#FIRST_USE}) and the authenticator refuses with 503. A command timeout bounds the wait.
 */
public final class RedisReplayStore implements ReplayStore {
    /** Counts above this cannot be held exactly by Lua's doubles. Digest counts are 8 hex digits, far below. */
    static final long MAX_EXACT_COUNT = 1L << 53;
    private static final String SCRIPT = readScript();
    private static final String SCRIPT_SHA1 = sha1Hex(SCRIPT);
    /** Each in-flight command holds a pooled connection; sized for a busy replica, not a flood. */
    private static final int MAX_POOL_SIZE = 16;
    /** Past this many waiting commands new ones fail at once (503) instead of queueing behind a slow Redis. */
    private static final int MAX_POOL_WAITING = 1024;
    private static final Future<ReplayVerdict> REFUSED = Future.succeededFuture(ReplayVerdict.REPLAYED);

    private final Redis redis;
    private final String keyPrefix;
    private final String window;
    private final long timeoutMillis;
    private final AtomicLong failures = new AtomicLong();

    private RedisReplayStore(Redis redis, RedisReplayOptions options) {
        this.redis = redis;
        this.keyPrefix = options.keyPrefix() + "nonce:";
        this.window = Integer.toString(options.window());
        this.timeoutMillis = options.commandTimeout().toMillis();
    }

    /** A store on the Redis at {@code options.uri()}; connects lazily, on the first record. */
    public static RedisReplayStore create(Vertx vertx, RedisReplayOptions options) {
        int timeout = Math.toIntExact(options.commandTimeout().toMillis());
        RedisOptions redisOptions = new RedisOptions()
                .setConnectionString(options.uri())
                .setNetClientOptions(new NetClientOptions().setConnectTimeout(timeout))
                .setMaxPoolSize(MAX_POOL_SIZE)
                .setMaxPoolWaiting(MAX_POOL_WAITING);
        return new RedisReplayStore(Redis.createClient(vertx, redisOptions), options);
    }

    @Override
    public Future<ReplayVerdict> record(String nonce, long nc, long expiresAtMillis) {
        if (nc <= 0 || nc > MAX_EXACT_COUNT) {
            return REFUSED; // never a valid first use; no round trip needed
        }
        return runScript(keyPrefix + nonce, nc, expiresAtMillis)
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .map(reply -> reply.toInteger() == 1 ? ReplayVerdict.FIRST_USE : ReplayVerdict.REPLAYED)
                .onFailure(err -> failures.incrementAndGet());
    }

    /** How many records failed (Redis down, slow or in error); each was refused, never allowed. */
    public long failures() {
        return failures.get();
    }

    @Override
    public Future<Void> close() {
        return redis.close();
    }

    /** By hash first, so the script is sent once per Redis; in full when Redis does not know it yet (restart). */
    private Future<Response> runScript(String key, long nc, long expiresAtMillis) {
        return redis.send(scriptCall(Command.EVALSHA, SCRIPT_SHA1, key, nc, expiresAtMillis))
                .recover(err -> unknownScript(err)
                        ? redis.send(scriptCall(Command.EVAL, SCRIPT, key, nc, expiresAtMillis))
                        : Future.failedFuture(err));
    }

    private Request scriptCall(Command command, String script, String key, long nc, long expiresAtMillis) {
        return Request.cmd(command).arg(script).arg(1).arg(key).arg(nc).arg(window).arg(expiresAtMillis);
    }

    private static boolean unknownScript(Throwable err) {
        return err.getMessage() != null && err.getMessage().startsWith("NOSCRIPT");
    }

    private static String readScript() {
        try (InputStream in = RedisReplayStore.class.getResourceAsStream("replay-window.lua")) {
            if (in == null) {
                throw new IllegalStateException("replay-window.lua missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name Redis gives the script (SHA-1 of its text), so EVALSHA needs no SCRIPT LOAD round trip. */
    private static String sha1Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
