package io.authd.credentials;

import io.authd.digest.DigestHasher;
import io.authd.digest.HashFunction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * An immutable set of users with two indexes: by (realm, username), and by (realm, hash function, userhash)
 * for clients that send {@code userhash=true} (RFC 7616 §3.4.4).
 *
 * <p>The userhash H(username ":" realm) is computed here, when the snapshot is built, for every hash function
 * the user has an HA1 for. It is deliberately not stored in the credentials file: it is derived from the
 * username and realm, and a stored copy could drift from them after a hand edit and silently lock the user
 * out of userhash logins.
 *
 * <p>It also holds the realms' API keys (stored as hashes only), by realm and id.
 *
 * <p>Lookups take no lock and do no I/O: a snapshot is shared by all event loops and swapped whole on reload.
 */
public final class CredentialSnapshot {
    private static final Comparator<UserCredentials> ORDER =
            Comparator.comparing(UserCredentials::realm).thenComparing(UserCredentials::username);

    private static final Comparator<ApiKey> KEY_ORDER = Comparator.comparing(ApiKey::realm).thenComparing(ApiKey::id);

    /** No users at all: what a missing file edits from. */
    public static final CredentialSnapshot EMPTY = of(List.of());

    private final List<UserCredentials> users;
    private final Map<String, RealmIndex> realms;
    private final List<ApiKey> apiKeys;
    private final Map<ApiKeyId, ApiKey> apiKeysByRealmAndId;

    private CredentialSnapshot(List<UserCredentials> users, Map<String, RealmIndex> realms, List<ApiKey> apiKeys) {
        this.users = users;
        this.realms = realms;
        this.apiKeys = apiKeys;
        Map<ApiKeyId, ApiKey> byId = new HashMap<>();
        for (ApiKey key : apiKeys) {
            if (byId.putIfAbsent(new ApiKeyId(key.realm(), key.id()), key) != null) {
                throw new IllegalArgumentException("duplicate API key " + key.id() + " in realm " + key.realm());
            }
        }
        this.apiKeysByRealmAndId = Map.copyOf(byId);
    }

    /**
     * Builds a snapshot and its indexes.
     *
     * @throws IllegalArgumentException if a (realm, username) pair occurs twice or a user breaks the rules of
     *                                  {@link CredentialRules}; loaders and editors check those first
     */
    public static CredentialSnapshot of(Collection<UserCredentials> users) {
        return of(users, List.of());
    }

    /** Builds a snapshot of users and API keys; an API key id occurs once per realm. */
    public static CredentialSnapshot of(Collection<UserCredentials> users, Collection<ApiKey> apiKeys) {
        List<UserCredentials> sorted = users.stream().sorted(ORDER).toList();
        Map<String, RealmIndex> realms = new HashMap<>();
        for (UserCredentials user : sorted) {
            requireValid(user);
            realms.computeIfAbsent(user.realm(), r -> new RealmIndex()).add(user);
        }
        return new CredentialSnapshot(sorted, Map.copyOf(realms), apiKeys.stream().sorted(KEY_ORDER).toList());
    }

    public Optional<ApiKey> findApiKey(String realm, String id) {
        return Optional.ofNullable(apiKeysByRealmAndId.get(new ApiKeyId(realm, id)));
    }

    /** All API keys, ordered by realm then id. */
    public List<ApiKey> apiKeys() {
        return apiKeys;
    }

    /** This snapshot with {@code key} added (ids are random, so it never replaces one). */
    public CredentialSnapshot withApiKey(ApiKey key) {
        List<ApiKey> keys = new ArrayList<>(apiKeys);
        keys.add(key);
        return of(users, keys);
    }

    /** This snapshot without the key (the same snapshot if there is none). */
    public CredentialSnapshot withoutApiKey(String realm, String id) {
        if (findApiKey(realm, id).isEmpty()) {
            return this;
        }
        return of(users, apiKeys.stream().filter(k -> !(k.realm().equals(realm) && k.id().equals(id))).toList());
    }

    private record ApiKeyId(String realm, String id) {
    }

    public Optional<UserCredentials> find(String realm, String username) {
        RealmIndex index = realms.get(realm);
        return index == null ? Optional.empty() : Optional.ofNullable(index.byName.get(username));
    }

    /** The user whose userhash for {@code hash} is {@code userhash}; hex case is ignored. */
    public Optional<UserCredentials> findByUserhash(String realm, HashFunction hash, String userhash) {
        RealmIndex index = realms.get(realm);
        if (index == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(index.byUserhash.get(hash).get(userhash.toLowerCase(Locale.ROOT)));
    }

    /** All users, ordered by realm then username. */
    public List<UserCredentials> users() {
        return users;
    }

    /**
     * At most {@code limit} users of {@code realm} ordered by username, the first one after {@code after}
     * (exclusive; null for the first page). Found by binary search, so a page costs the same at any depth.
     */
    public List<UserCredentials> page(String realm, String after, int limit) {
        int at = Collections.binarySearch(users, new UserCredentials(realm, after == null ? "" : after, Map.of(), true),
                ORDER);
        List<UserCredentials> page = new ArrayList<>();
        for (int i = at >= 0 ? at + 1 : -at - 1;
             i < users.size() && page.size() < limit && users.get(i).realm().equals(realm); i++) {
            page.add(users.get(i));
        }
        return page;
    }

    /** Realm names, sorted. */
    public Set<String> realms() {
        return new TreeSet<>(realms.keySet());
    }

    public int userCount() {
        return users.size();
    }

    /** This snapshot with {@code user} added, or replacing the user of the same realm and username. */
    public CredentialSnapshot with(UserCredentials user) {
        return withAll(List.of(user));
    }

    /** This snapshot with each of {@code replacements} added or replacing the user of the same name. */
    public CredentialSnapshot withAll(Collection<UserCredentials> replacements) {
        Map<Key, UserCredentials> byKey = new HashMap<>();
        for (UserCredentials u : users) {
            byKey.put(Key.of(u), u);
        }
        for (UserCredentials u : replacements) {
            byKey.put(Key.of(u), u);
        }
        return of(byKey.values(), apiKeys);
    }

    /** This snapshot without the named user (the same snapshot if there is none). */
    public CredentialSnapshot without(String realm, String username) {
        if (find(realm, username).isEmpty()) {
            return this;
        }
        return of(users.stream().filter(u -> !(u.realm().equals(realm) && u.username().equals(username))).toList(),
                apiKeys);
    }

    private record Key(String realm, String username) {
        static Key of(UserCredentials user) {
            return new Key(user.realm(), user.username());
        }
    }

    private static void requireValid(UserCredentials user) {
        Optional<String> problem = CredentialRules.realmProblem(user.realm())
                .or(() -> CredentialRules.usernameProblem(user.username()))
                .or(() -> user.ha1().isEmpty() ? Optional.of("user has no HA1") : Optional.empty())
                .or(() -> user.ha1().entrySet().stream()
                        .flatMap(e -> CredentialRules.ha1Problem(e.getKey(), e.getValue()).stream())
                        .findFirst());
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(CredentialRules.printable(user.username()) + "@"
                    + CredentialRules.printable(user.realm()) + ": " + p);
        });
    }

    /** One realm's users by name and by userhash per hash function. */
    private static final class RealmIndex {
        private final Map<String, UserCredentials> byName = new HashMap<>();
        private final Map<HashFunction, Map<String, UserCredentials>> byUserhash = new EnumMap<>(HashFunction.class);

        private RealmIndex() {
            for (HashFunction h : HashFunction.values()) {
                byUserhash.put(h, new HashMap<>());
            }
        }

        private void add(UserCredentials user) {
            if (byName.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("duplicate user " + CredentialRules.printable(user.username())
                        + " in realm " + CredentialRules.printable(user.realm()));
            }
            DigestHasher hasher = DigestHasher.current();
            for (HashFunction h : user.ha1().keySet()) {
                byUserhash.get(h).put(hasher.userhash(h, user.username(), user.realm()), user);
            }
        }
    }
}
