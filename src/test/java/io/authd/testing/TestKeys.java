package io.authd.testing;

import io.authd.nonce.NonceKey;
import io.authd.nonce.NonceKeyRing;

import java.util.Arrays;
import java.util.List;

/** Fixed nonce keys, so two server instances in one test share a ring the way replicas do. */
public final class TestKeys {
    private TestKeys() {
    }

    public static NonceKey key(int id) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) id);
        return new NonceKey(id, secret, 0);
    }

    public static NonceKeyRing ring(int... ids) {
        return NonceKeyRing.of(Arrays.stream(ids).mapToObj(TestKeys::key).toList());
    }

    public static NonceKeyRing ring(List<NonceKey> keys) {
        return NonceKeyRing.of(keys);
    }
}
