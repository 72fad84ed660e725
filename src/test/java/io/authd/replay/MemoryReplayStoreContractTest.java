package io.authd.replay;

import java.time.InstantSource;

class MemoryReplayStoreContractTest extends ReplayStoreContract {

    @Override
    protected ReplayStore newStore(int window) {
        return new MemoryReplayStore(window, 1_000, InstantSource.system());
    }
}
