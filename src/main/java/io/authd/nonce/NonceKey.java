package io.authd.nonce;

import java.util.Arrays;

/**
 * One key of the cluster's nonce key ring.
 *
 * @param id          carried in every nonce so a verifier picks the right key (1..65535)
 * @param secret      HMAC-SHA256 key, at least {@link NonceKeyRing#MIN_SECRET_BYTES} bytes
 * @param notBefore   epoch milliseconds from which this key may sign; 0 = at once. Lets every replica
 *                    switch signing keys at the same instant during a rotation, after all have loaded it.
 */
public record NonceKey(int id, byte[] secret, long notBefore) {
    public NonceKey {
        if (id < 1 || id > 0xFFFF) {
            throw new IllegalArgumentException("nonce key id must be 1..65535, got " + id);
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NonceKey k && k.id == id && k.notBefore == notBefore && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(id);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "NonceKey[id=" + id + ", notBefore=" + notBefore + "]";
    }
}
