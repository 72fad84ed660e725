package io.authd.replay;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script the shared stores run in Redis, so a check and its update are one atomic step. Sent by hash first,
 * so the text travels once per Redis; in full when Redis does not know it yet (a restart, a new Redis).
 */
public final class RedisScript {
    private final String text;
    private final String sha1;

    private RedisScript(String text) {
        this.text = text;
        this.sha1 = sha1Hex(text);
    }

    /** The script in the resource {@code name} beside {@code owner}. */
    public static RedisScript load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the script on {@code keys} with {@code args} (ARGV). */
    public Future<Response> run(Redis redis, List<String> keys, Object... args) {
        return redis.send(call(Command.EVALSHA, sha1, keys, args))
                .recover(err -> unknownScript(err)
                        ? redis.send(call(Command.EVAL, text, keys, args))
                        : Future.failedFuture(err));
    }

    private static Request call(Command command, String script, List<String> keys, Object[] args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        for (Object arg : args) {
            request.arg(arg.toString());
        }
        return request;
    }

    private static boolean unknownScript(Throwable err) {
        return err.getMessage() != null && err.getMessage().startsWith("NOSCRIPT");
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
