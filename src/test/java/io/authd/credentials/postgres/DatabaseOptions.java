package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.config.LookupOptions;

import java.time.Duration;

/** Copies of credential database options with one component changed. */
final class DatabaseOptions {
    private DatabaseOptions() {
    }

    static CredentialDatabaseOptions migrate(CredentialDatabaseOptions o, boolean migrate) {
        return new CredentialDatabaseOptions(o.uri(), o.schema(), migrate, o.poolSize(), o.timeout(), o.lookup(),
                o.notifyChannel(), o.resilience());
    }

    static CredentialDatabaseOptions channel(CredentialDatabaseOptions o, String channel) {
        return new CredentialDatabaseOptions(o.uri(), o.schema(), o.migrate(), o.poolSize(), o.timeout(), o.lookup(),
                channel, o.resilience());
    }

    static CredentialDatabaseOptions lookup(CredentialDatabaseOptions o, LookupOptions lookup) {
        return new CredentialDatabaseOptions(o.uri(), o.schema(), o.migrate(), o.poolSize(), o.timeout(), lookup,
                o.notifyChannel(), o.resilience());
    }

    static CredentialDatabaseOptions unreachable(CredentialDatabaseOptions o, Duration timeout) {
        return new CredentialDatabaseOptions("postgresql://postgres@127.0.0.1:1/postgres", o.schema(), o.migrate(),
                o.poolSize(), timeout, o.lookup(), o.notifyChannel(), o.resilience());
    }
}
