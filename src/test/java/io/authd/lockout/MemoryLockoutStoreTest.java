package io.authd.lockout;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryLockoutStoreTest extends LockoutStoreContract {
    private final MemoryLockoutStore store = new MemoryLockoutStore(POLICY, 1000);

    @Override
    protected LockoutStore store() {
        return store;
    }

    @Test
    void holdsAtMostMaxEntriesDroppingTheLeastRecentlyUsed() {
        for (int i = 0; i < 1500; i++) {
            store.fail("a:" + i, 10, 0);
        }

        assertThat(store.size()).isEqualTo(1000);
        store.fail("a:1499", 2, 0);
        assertThat(await(store.lockedUntil(List.of("a:1499"), 0))).isEqualTo(10_000);
        assertThat(await(store.lockedUntil(List.of("a:0"), 0))).isZero();
    }
}
