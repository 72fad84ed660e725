package io.authd.credentials;

import io.vertx.core.Future;

import java.util.List;

/**
 * API keys of a writable store, for the admin API. A failed future means the store could not be reached or
 * written (the admin API answers 503); a store that holds no keys fails with {@link UnsupportedOperationException}.
 */
public interface ApiKeyAdmin {

    /** Stores a new key (ids are random: a clash fails like any other write). */
    Future<Void> createApiKey(ApiKey key);

    /** The keys of {@code realm}, ordered by id. */
    Future<List<ApiKey>> listApiKeys(String realm);

    /** Deletes the key; false when there was none. */
    Future<Boolean> revokeApiKey(String realm, String id);
}
