package io.authd.auth;

import io.authd.config.RealmOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured realms by name, and which one answers when a request names none. */
public final class Realms {
    private final Map<String, RealmOptions> byName = new LinkedHashMap<>();
    private final RealmOptions defaultRealm;

    public Realms(List<RealmOptions> realms, String defaultRealm) {
        realms.forEach(r -> byName.put(r.name(), r));
        this.defaultRealm = byName.get(defaultRealm);
        if (this.defaultRealm == null) {
            throw new IllegalArgumentException("default realm " + defaultRealm + " is not configured");
        }
    }

    /** The realm named {@code name}, the default realm for null, empty when not configured. */
    public Optional<RealmOptions> resolve(String name) {
        return name == null ? Optional.of(defaultRealm) : Optional.ofNullable(byName.get(name));
    }

    public RealmOptions defaultRealm() {
        return defaultRealm;
    }

    public java.util.Collection<RealmOptions> all() {
        return byName.values();
    }
}
