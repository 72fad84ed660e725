package io.authd.credentials.postgres;

import io.authd.config.AuthdOptions;
import io.authd.config.ConfigLoader;
import io.authd.credentials.UserCredentials;
import io.authd.credentials.UserEntry;
import io.authd.credentials.WriteResult;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.DigestHasher;
import io.authd.digest.DigestInput;
import io.authd.digest.HashFunction;
import io.authd.digest.Qop;
import io.authd.resilience.CallGuard;
import io.authd.testing.ClientDigest;
import io.authd.testing.TestPostgres;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static io.authd.digest.HashFunction.MD5;
import static io.authd.digest.HashFunction.SHA_256;
import static io.authd.digest.HashFunction.SHA_512_256;
import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example configurations of {@code examples/postgres} over Kamailio's and OpenSIPS's own subscriber DDL
 * (test resources, verbatim): authd finds the HA1s these projects store, computes them from a plaintext password
 * as their {@code calculate_ha1} does, so that what a client computes from the password verifies, and never
 * writes their table. The optional notify triggers announce changes in authd's payload.
 */
class ExistingUserTablesTest extends DatabaseTest {
    private static final String PASSWORD = "Circle Of Life";
    private static final String NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";
    private static final String OTHER_DOMAIN = "other.example.com";

    private SqlClient inSchema;
    private String realm;

    @BeforeEach
    void createSchema() {
        sql("CREATE SCHEMA " + schema);
        inSchema = PgBuilder.client().connectingTo(uriInSchema()).using(DB.vertx()).build();
    }

    @AfterEach
    void closeClient() {
        await(inSchema.close());
    }

    @Test
    void kamailioSubscribersAreReadWithTheExampleConfiguration() {
        createTables("kamailio-5-subscriber.sql");
        PostgresCredentialStore store = openExample("kamailio");
        inSchema("INSERT INTO subscriber (username, domain, password, ha1, ha1b) VALUES"
                + " ('alice', '" + realm + "', '', '" + md5Ha1("alice", realm) + "', '"
                + md5Ha1("alice@" + realm, realm) + "'),"
                + " ('bob', '" + realm + "', '" + PASSWORD + "', '', ''),"
                + " ('carol', '" + OTHER_DOMAIN + "', '', '" + md5Ha1("carol", OTHER_DOMAIN) + "', '')");

        UserCredentials alice = await(store.findByUsername(realm, "alice")).orElseThrow();
        UserCredentials bob = await(store.findByUsername(realm, "bob")).orElseThrow();

        assertThat(alice).isEqualTo(new UserCredentials(realm, "alice", Map.of(MD5, md5Ha1("alice", realm)), true));
        assertThat(bob.ha1()).containsOnlyKeys(MD5, SHA_256, SHA_512_256);
        assertThat(verifies(alice, DigestAlgorithm.MD5)).isTrue();
        assertThat(verifies(bob, DigestAlgorithm.MD5)).isTrue();
        assertThat(verifies(bob, DigestAlgorithm.SHA_256)).as("computed from the password").isTrue();
        assertThat(await(store.findByUsername(realm, "carol"))).as("the realm is the domain").isEmpty();
        assertThat(await(store.findByUserhash(realm, MD5, ClientDigest.h("MD5", "alice:" + realm)))).isEmpty();
    }

    @Test
    void opensipsSubscribersGiveAnHa1PerHashFunction() {
        createTables("opensips-3-subscriber.sql");
        PostgresCredentialStore store = openExample("opensips");
        inSchema("INSERT INTO subscriber (username, domain, ha1, ha1_sha256, ha1_sha512t256) VALUES ('alice', '"
                + realm + "', '" + md5Ha1("alice", realm) + "', '" + ha1(SHA_256, "alice", realm) + "', '"
                + ha1(SHA_512_256, "alice", realm) + "')");
        inSchema("INSERT INTO subscriber (username, domain, password) VALUES ('bob', '" + realm + "', '" + PASSWORD
                + "'), ('mallory', '" + realm + "', '')");

        UserCredentials alice = await(store.findByUsername(realm, "alice")).orElseThrow();
        UserCredentials bob = await(store.findByUsername(realm, "bob")).orElseThrow();

        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            assertThat(verifies(alice, algorithm)).as("alice %s", algorithm).isTrue();
            assertThat(verifies(bob, algorithm)).as("bob %s", algorithm).isTrue();
        }
        assertThat(await(store.findByUsername(realm, "mallory"))).as("empty columns are absent")
                .contains(new UserCredentials(realm, "mallory", Map.of(), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kamailio", "opensips"})
    void aTableAuthdDoesNotOwnIsNeverWritten(String product) {
        createTables(product.equals("kamailio") ? "kamailio-5-subscriber.sql" : "opensips-3-subscriber.sql");
        PostgresCredentialStore store = openExample(product);
        inSchema("INSERT INTO subscriber (username, domain, password) VALUES ('alice', '" + realm + "', 'x')");

        assertThat(await(store.delete(realm, "alice"))).isInstanceOf(WriteResult.ReadOnly.class);
        assertThat(await(store.get(realm, "alice")))
                .contains(new UserEntry(realm, "alice", true, Set.of(HashFunction.values())));
        assertThat(store.ready()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kamailio", "opensips"})
    void theExampleNotifyTriggerAnnouncesChangesInAuthdsPayload(String product) throws Exception {
        createTables(product.equals("kamailio") ? "kamailio-5-subscriber.sql" : "opensips-3-subscriber.sql");
        inSchema(Files.readString(Path.of("examples", "postgres", product + "-notify.sql")));
        try (Listener listener = Listener.on(DB.vertx(), "authd_credentials")) {
            inSchema("INSERT INTO subscriber (username, domain, password) VALUES ('alice', 'd', 'x')");
            inSchema("UPDATE subscriber SET username = 'alicia'");
            inSchema("DELETE FROM subscriber");

            assertThat(listener.next()).isEqualTo(Listener.user("d", "alice"));
            assertThat(listener.next()).as("rename: old name").isEqualTo(Listener.user("d", "alice"));
            assertThat(listener.next()).as("rename: new name").isEqualTo(Listener.user("d", "alicia"));
            assertThat(listener.next()).as("delete").isEqualTo(Listener.user("d", "alicia"));
        }
    }

    /** The example as shipped, with the test database (this test's schema first) and a generous timeout. */
    private PostgresCredentialStore openExample(String product) {
        AuthdOptions config = ConfigLoader.load(Path.of("examples", "postgres", product + "-subscriber.yaml"),
                Map.of("AUTHD_CREDENTIALS_POSTGRES_URI", uriInSchema(), "AUTHD_CREDENTIALS_POSTGRES_TIMEOUT", "5s"));
        realm = config.realms().getFirst().name();
        return open(config.credentials().postgres(), CallGuard.none());
    }

    /** search_path is sent at connect as a session setting, so the examples' unqualified subscriber is ours. */
    private String uriInSchema() {
        return TestPostgres.URI + (TestPostgres.URI.contains("?") ? "&" : "?") + "search_path=" + schema;
    }

    private void createTables(String resource) {
        try (InputStream ddl = getClass().getResourceAsStream(resource)) {
            inSchema(new String(ddl.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
    }

    private void inSchema(String sql) {
        await(inSchema.query(sql).execute());
    }

    /** What a client computes from the password verifies against the HA1 the store found. */
    private static boolean verifies(UserCredentials user, DigestAlgorithm algorithm) {
        String uri = "sip:" + user.realm();
        String response = ClientDigest.response(algorithm.token(), user.username(), user.realm(), PASSWORD,
                "REGISTER", uri, NONCE, "00000001", "0a4f113b", "auth", null);
        DigestInput input = new DigestInput(algorithm, "REGISTER", uri, NONCE, "00000001", "0a4f113b", Qop.AUTH, null);
        String ha1 = user.ha1(algorithm.hash());
        return ha1 != null && DigestHasher.current().matches(input, ha1, response);
    }

    private static String md5Ha1(String username, String realm) {
        return ha1(MD5, username, realm);
    }

    private static String ha1(HashFunction hash, String username, String realm) {
        return ClientDigest.h(hash.token(), username + ":" + realm + ":" + PASSWORD);
    }
}
