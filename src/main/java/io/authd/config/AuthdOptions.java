package io.authd.config;

import java.util.List;
import java.util.Objects;

/**
 * The whole configuration, validated when built and immutable after: a wrong value fails at start-up,
 * naming the key and the value, never at the first request. Load it with {@link ConfigLoader}.
 *
 * @param instances    verticle instances per listener; 0 = one per available core
 * @param defaultRealm the realm used when a request names none; null when building means the first realm
 * @param realms       at least one, names unique
 */
public record AuthdOptions(Mode mode, ListenOptions listen, int instances, String defaultRealm,
                           List<RealmOptions> realms, NonceOptions nonce, CredentialsOptions credentials,
                           ReplayOptions replay, LockoutOptions lockout, LimitsOptions limits,
                           AdminOptions admin, LoggingOptions logging,
                           ShutdownOptions shutdown, MetricsOptions metrics) {

    /** Every default: demo mode with one realm, {@code example.com}. */
    public static final AuthdOptions DEFAULTS = new AuthdOptions(Mode.DEMO, ListenOptions.DEFAULTS, 0, null,
            List.of(RealmOptions.defaults("example.com")), NonceOptions.DEFAULTS, CredentialsOptions.DEFAULTS,
            ReplayOptions.DEFAULTS, LockoutOptions.DEFAULTS, LimitsOptions.DEFAULTS,
            AdminOptions.DEFAULTS, LoggingOptions.DEFAULTS, ShutdownOptions.DEFAULTS,
            MetricsOptions.DEFAULTS);

    public AuthdOptions {
        Problems problems = new Problems();
        problems.present(mode, "mode");
        problems.present(listen, "listen");
        problems.check(instances >= 0, "instances", "must be 0 (one per available core) or more, got " + instances);
        problems.checkList("realms", realms, false, ".name", RealmOptions::name);
        problems.present(credentials, "credentials");
        problems.present(replay, "replay");
        problems.present(lockout, "lockout");
        problems.present(limits, "limits");
        problems.present(admin, "admin");
        problems.present(logging, "logging");
        problems.present(shutdown, "shutdown");
        problems.present(metrics, "metrics");
        if (problems.present(nonce, "nonce")) {
            problems.check(mode != Mode.PRODUCTION || nonce.configured(), "nonce", "production mode needs "
                    + "nonce.keyFile or nonce.keys (env AUTHD_NONCE_KEYS); demo mode generates a throwaway key");
        }
        List<String> names = realmNames(realms);
        if (!names.isEmpty()) {
            defaultRealm = defaultRealm == null ? names.get(0) : defaultRealm;
            problems.check(names.contains(defaultRealm), "defaultRealm",
                    "'" + defaultRealm + "' is not one of the configured realms (" + String.join(", ", names) + ")");
        }
        problems.throwIfAny();
        realms = List.copyOf(realms);
    }

    private static List<String> realmNames(List<RealmOptions> realms) {
        return realms == null ? List.of() : realms.stream().filter(Objects::nonNull).map(RealmOptions::name).toList();
    }
}
