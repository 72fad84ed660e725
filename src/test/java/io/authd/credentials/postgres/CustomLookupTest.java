package io.authd.credentials.postgres;

import io.authd.testing.CapturedLog;
import ch.qos.logback.classic.Level;
import io.authd.config.LookupOptions;
import io.authd.credentials.UserChange;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.authd.resilience.CallGuard;
import io.authd.testing.ClientDigest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.authd.digest.HashFunction.MD5;
import static io.authd.digest.HashFunction.SHA_256;
import static io.authd.digest.HashFunction.SHA_512_256;
import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom lookup queries over a table authd does not own, whose rows other tools write: whatever they hold, a
 * lookup gives no credential but the stored one, and never throws.
 */
class CustomLookupTest extends DatabaseTest {
    private static final String REALM = "testrealm@host.com";
    private static final String MD5_HA1 = "0123456789abcdef0123456789abcdef";
    /** RFC 2617 §3.5. */
    private static final String MUFASA_MD5_HA1 = "939e7578ed9e3c518a452acee763bce9";

    private String users;

    @BeforeEach
    void createUserTable() {
        sql("CREATE SCHEMA " + schema);
        users = schema + ".users";
        sql("CREATE TABLE " + users + " (realm text, name text, md5 text, sha256 text, sha512 text, pass text,"
                + " active boolean, flag int)");
    }

    @Test
    void malformedHa1sAreIgnoredAndLoggedOncePerColumn() {
        insert("short", "'abc'");
        insert("not-hex", "'" + "g".repeat(32) + "'");
        insert("sha256-length", "'" + "a".repeat(64) + "'");
        insert("also-short", "'abcd'");
        try (CapturedLog log = new CapturedLog(UserRows.class)) {
            PostgresCredentialStore store = open(byUsername(selectAll()));

            for (String name : new String[] {"short", "not-hex", "sha256-length", "also-short"}) {
                assertThat(await(store.findByUsername(REALM, name))).as(name)
                        .hasValueSatisfying(user -> assertThat(user.ha1()).isEmpty());
            }

            assertThat(log.at(Level.WARN)).singleElement().asString()
                    .contains("ha1_md5").contains(REALM).doesNotContain("abc").doesNotContain("short");
        }
    }

    @Test
    void uppercaseAndBlankPaddedHa1sAreTheSameHa1() {
        insert("upper", "'" + MD5_HA1.toUpperCase() + "'");
        insert("padded", "'" + MD5_HA1 + "   '");
        PostgresCredentialStore store = open(byUsername(selectAll()));

        assertThat(await(store.findByUsername(REALM, "upper"))).map(u -> u.ha1(MD5)).contains(MD5_HA1);
        assertThat(await(store.findByUsername(REALM, "padded"))).map(u -> u.ha1(MD5)).contains(MD5_HA1);
    }

    @Test
    void nullsAndEmptyStringsAreAbsentAndANullEnabledIsDisabled() {
        sql("INSERT INTO " + users + " (realm, name, md5, sha256, pass) VALUES ('" + REALM + "', 'empty', '', '"
                + "a".repeat(64) + "', '')");
        sql("INSERT INTO " + users + " (realm, name) VALUES ('" + REALM + "', 'nulls')");
        PostgresCredentialStore store = open(byUsername(selectAll()));

        assertThat(await(store.findByUsername(REALM, "empty")))
                .contains(new UserCredentials(REALM, "empty", Map.of(SHA_256, "a".repeat(64)), false));
        assertThat(await(store.findByUsername(REALM, "nulls")))
                .contains(new UserCredentials(REALM, "nulls", Map.of(), false));
    }

    @Test
    void columnsOfTheWrongTypeAreIgnoredAndANonBooleanEnabledIsDisabled() {
        sql("INSERT INTO " + users + " (realm, name, flag) VALUES ('" + REALM + "', 'alice', 1)");
        PostgresCredentialStore store = open(byUsername("SELECT flag AS ha1_md5, flag AS enabled FROM " + users
                + " WHERE realm = $1 AND name = $2"));

        assertThat(await(store.findByUsername(REALM, "alice")))
                .contains(new UserCredentials(REALM, "alice", Map.of(), false));
    }

    @Test
    void duplicateRowsFindNoUserAndAreLoggedOncePerRealm() {
        insert("twin", "'" + MD5_HA1 + "'");
        insert("twin", "'" + "f".repeat(32) + "'");
        try (CapturedLog log = new CapturedLog(UserRows.class)) {
            PostgresCredentialStore store = open(byUsername(selectAll()));

            assertThat(await(store.findByUsername(REALM, "twin"))).isEmpty();
            assertThat(await(store.findByUsername(REALM, "twin"))).isEmpty();

            assertThat(log.at(Level.WARN)).singleElement().asString().contains("2 rows").contains(REALM);
        }
    }

    /** As Kamailio's calculate_ha1: H(username:realm:password) with the name the client hashed. */
    @Test
    void aPasswordGivesEveryHa1AndWinsOverStoredOnes() {
        sql("INSERT INTO " + users + " (realm, name, md5, pass, active) VALUES ('" + REALM + "', 'Mufasa', '"
                + MD5_HA1 + "', 'Circle Of Life', true)");
        PostgresCredentialStore store = open(byUsername(selectAll()));

        UserCredentials mufasa = await(store.findByUsername(REALM, "Mufasa")).orElseThrow();

        assertThat(mufasa.ha1(MD5)).isEqualTo(MUFASA_MD5_HA1);
        assertThat(mufasa.ha1(SHA_256)).isEqualTo(ClientDigest.h("SHA-256", "Mufasa:" + REALM + ":Circle Of Life"));
        assertThat(mufasa.ha1(SHA_512_256))
                .isEqualTo(ClientDigest.h("SHA-512-256", "Mufasa:" + REALM + ":Circle Of Life"));
        assertThat(mufasa.enabled()).isTrue();
    }

    @Test
    void aQueryMatchingNamesCaseInsensitivelyFindsNoUserForAnotherSpelling() {
        sql("INSERT INTO " + users + " (realm, name, pass) VALUES ('" + REALM + "', 'alice', 'secret')");
        PostgresCredentialStore store = open(byUsername("SELECT name AS username, pass AS password FROM " + users
                + " WHERE realm = $1 AND lower(name) = lower($2)"));

        assertThat(await(store.findByUsername(REALM, "alice"))).isPresent();
        assertThat(await(store.findByUsername(REALM, "ALICE"))).isEmpty();
    }

    @Test
    void withoutAUserhashQueryUserhashLookupsFindNoUser() {
        insert("alice", "'" + MD5_HA1 + "'");
        PostgresCredentialStore store = open(byUsername(selectAll()));

        assertThat(await(store.findByUserhash(REALM, MD5, ClientDigest.h("MD5", "alice:" + REALM)))).isEmpty();
    }

    @Test
    void aUserhashQueryFindsTheUserItNames() {
        insert("alice", "'" + MD5_HA1 + "'");
        PostgresCredentialStore store = open(new LookupOptions(selectAll(), "SELECT name AS username, md5 AS ha1_md5"
                + " FROM " + users + " WHERE realm = $1 AND md5(name || ':' || realm) = $2 AND $3 = 'MD5'"));

        assertThat(await(store.findByUserhash(REALM, MD5, ClientDigest.h("MD5", "alice:" + REALM))))
                .contains(new UserCredentials(REALM, "alice", Map.of(MD5, MD5_HA1), true));
        assertThat(await(store.findByUserhash(REALM, SHA_256, ClientDigest.h("SHA-256", "alice:" + REALM)))).isEmpty();
    }

    @Test
    void aQueryWithoutCredentialColumnsKeepsTheStoreNotReadyNamingTheKey() {
        try (CapturedLog log = new CapturedLog(PostgresCredentialStore.class)) {
            PostgresCredentialStore store = open(byUsername("SELECT name, md5 FROM " + users
                    + " WHERE realm = $1 AND name = $2"));

            assertThat(failure(store.prepare())).hasMessageContaining("credentials.postgres.lookup.byUsername");
            assertThat(failure(store.findByUsername(REALM, "alice"))).isNotNull();
            assertThat(store.ready()).isFalse();
            assertThat(log.at(Level.ERROR)).singleElement().asString()
                    .contains("credentials.postgres.lookup.byUsername").contains("[name, md5]").contains("AS");
        }
    }

    @Test
    void aQueryThatDoesNotRunKeepsTheStoreNotReadyNamingTheKey() {
        PostgresCredentialStore store = open(byUsername("SELECT md5 AS ha1_md5 FROM " + schema + ".nosuchtable"
                + " WHERE realm = $1 AND name = $2"));

        assertThat(failure(store.prepare())).hasMessageContaining("credentials.postgres.lookup.byUsername")
                .hasMessageContaining("does not exist");
        assertThat(store.ready()).isFalse();
    }

    @Test
    void aUserhashQueryMustReturnTheUsername() {
        PostgresCredentialStore store = open(new LookupOptions(selectAll(), "SELECT md5 AS ha1_md5 FROM " + users
                + " WHERE realm = $1 AND md5 = $2 AND $3 <> ''"));

        assertThat(failure(store.prepare())).hasMessageContaining("credentials.postgres.lookup.byUserhash")
                .hasMessageContaining("[username]");
    }

    @Test
    void writesToATableAuthdDoesNotOwnAnswerReadOnly() {
        insert("alice", "'" + MD5_HA1 + "'");
        PostgresCredentialStore store = open(byUsername(selectAll()));
        UserCredentials bob = new UserCredentials(REALM, "bob", Map.of(MD5, MD5_HA1), true);

        assertThat(await(store.create(bob))).isInstanceOf(WriteResult.ReadOnly.class);
        assertThat(await(store.update(REALM, "alice", new UserChange(null, false)))).isInstanceOf(WriteResult.ReadOnly.class);
        assertThat(await(store.delete(REALM, "alice"))).isInstanceOfSatisfying(WriteResult.ReadOnly.class,
                readOnly -> assertThat(readOnly.reason()).contains("credentials.postgres.lookup"));
        assertThat(await(store.get(REALM, "alice"))).contains(new UserEntry(REALM, "alice", true, Set.of(MD5)));
        assertThat(failure(store.list(REALM, null, 10))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(rows("SELECT name FROM " + users)).hasSize(1);
        assertThat(store.ready()).isTrue();
    }

    private String selectAll() {
        return "SELECT name AS username, md5 AS ha1_md5, sha256 AS ha1_sha256, sha512 AS ha1_sha512_256,"
                + " pass AS password, active AS enabled FROM " + users + " WHERE realm = $1 AND name = $2";
    }

    private void insert(String name, String md5) {
        sql("INSERT INTO " + users + " (realm, name, md5, active) VALUES ('" + REALM + "', '" + name + "', " + md5
                + ", true)");
    }

    private static LookupOptions byUsername(String sql) {
        return new LookupOptions(sql, null);
    }

    private PostgresCredentialStore open(LookupOptions lookup) {
        return open(DatabaseOptions.lookup(options, lookup), CallGuard.none());
    }
}
