package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.testing.ClientDigest;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credential schema against a real PostgreSQL, each test in a fresh schema. */
class MigrationsTest extends DatabaseTest {
    private static final String REALM = "api@example.org";
    private static final String JASON = "Jäsøn Doe";
    private static final String MD5_HA1 = "0123456789abcdef0123456789abcdef";

    @Test
    void anEmptyDatabaseLacksEveryVersion() {
        assertThat(await(Migrations.of(options).pending(DB.admin()))).containsExactly(1, 2);
    }

    @Test
    void applyingTwiceAppliesEachVersionOnceAndThenNothing() {
        assertThat(apply(options)).containsExactly(1, 2);
        assertThat(apply(options)).isEmpty();

        assertThat(await(Migrations.of(options).pending(DB.admin()))).isEmpty();
        List<Row> recorded = rows("SELECT version, description, applied_at FROM " + schema + ".schema_version");
        assertThat(recorded).extracting(row -> row.getInteger("version") + " " + row.getString("description"))
                .containsExactlyInAnyOrder("1 credentials", "2 api_keys");
        assertThat(recorded).allSatisfy(row -> assertThat(row.getOffsetDateTime("applied_at")).isNotNull());
    }

    @Test
    void twoReplicasMigratingAtOnceBothSucceedAndApplyEachVersionOnce() {
        Future<List<Integer>> first = applying(options);
        Future<List<Integer>> second = applying(options);

        // Each version is its own locked transaction, so the two may share the work: together they apply each once.
        List<Integer> applied = new java.util.ArrayList<>(await(first));
        applied.addAll(await(second));
        assertThat(applied).containsExactlyInAnyOrder(1, 2);
        assertThat(rows("SELECT version FROM " + schema + ".schema_version")).hasSize(2);
    }

    @Test
    void theTriggerComputesUserhashesForARowInsertedWithPlainSql() {
        apply(options);

        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('" + REALM + "', '" + JASON
                + "', '" + MD5_HA1 + "')");

        Row row = rows("SELECT * FROM " + schema + ".credentials").getFirst();
        assertThat(row.getString("userhash_md5")).isEqualTo(ClientDigest.h("MD5", JASON + ":" + REALM));
        assertThat(row.getString("userhash_sha256")).isEqualTo(ClientDigest.h("SHA-256", JASON + ":" + REALM));
        assertThat(row.getString("userhash_sha512_256")).as("PostgreSQL cannot compute it").isNull();
        assertThat(row.getBoolean("enabled")).isTrue();
        assertThat(row.getOffsetDateTime("updated_at")).isNotNull();
    }

    @Test
    void aRenameOutsideAuthdDropsTheSha512UserhashOfTheOldName() {
        apply(options);
        String oldUserhash = ClientDigest.h("SHA-512-256", "alice:" + REALM);
        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5, userhash_sha512_256) VALUES ('"
                + REALM + "', 'alice', '" + MD5_HA1 + "', '" + oldUserhash + "')");

        sql("UPDATE " + schema + ".credentials SET enabled = false");
        assertThat(rows("SELECT userhash_sha512_256 FROM " + schema + ".credentials").getFirst().getString(0))
                .as("kept while the name stays").isEqualTo(oldUserhash);
        sql("UPDATE " + schema + ".credentials SET username = 'alicia'");
        Row renamed = rows("SELECT * FROM " + schema + ".credentials").getFirst();

        assertThat(renamed.getString("userhash_sha512_256")).isNull();
        assertThat(renamed.getString("userhash_md5")).isEqualTo(ClientDigest.h("MD5", "alicia:" + REALM));
    }

    @Test
    void malformedRowsAreRefusedByTheTable() {
        apply(options);
        String insert = "INSERT INTO " + schema + ".credentials (realm, username, ha1_md5, ha1_sha256) VALUES ";

        assertRefused(insert + "('r', 'upper', '" + MD5_HA1.toUpperCase() + "', NULL)", "credentials_ha1_md5_lhex");
        assertRefused(insert + "('r', 'short', 'abc', NULL)", "credentials_ha1_md5_lhex");
        assertRefused(insert + "('r', 'md5-length', NULL, '" + MD5_HA1 + "')", "credentials_ha1_sha256_lhex");
        assertRefused(insert + "('r', 'none', NULL, NULL)", "credentials_has_ha1");
        assertRefused(insert + "('r', '', '" + MD5_HA1 + "', NULL)", "credentials_names_not_empty");
    }

    @Test
    void everyChangeIsAnnouncedOnTheNotifyChannelAsJson() throws InterruptedException {
        apply(options);
        String table = schema + ".credentials";
        try (Listener listener = Listener.on(DB.vertx(), options.notifyChannel())) {
            sql("INSERT INTO " + table + " (realm, username, ha1_md5) VALUES ('" + REALM + "', '" + JASON + "', '"
                    + MD5_HA1 + "')");
            sql("UPDATE " + table + " SET enabled = false");
            sql("UPDATE " + table + " SET username = 'renamed'");
            sql("DELETE FROM " + table);

            assertThat(listener.next()).isEqualTo(Listener.user(REALM, JASON));
            assertThat(listener.next()).as("update").isEqualTo(Listener.user(REALM, JASON));
            assertThat(listener.next()).as("rename: the old name").isEqualTo(Listener.user(REALM, JASON));
            assertThat(listener.next()).as("rename: the new name").isEqualTo(Listener.user(REALM, "renamed"));
            assertThat(listener.next()).as("delete").isEqualTo(Listener.user(REALM, "renamed"));
            assertThat(listener.silentFor(Duration.ofMillis(200))).isTrue();
        }
    }

    @Test
    void theNotifyChannelIsTakenFromTheConfigurationAtEveryMigrate() throws InterruptedException {
        String before = schema + "_before";
        String after = schema + "_after";
        apply(DatabaseOptions.channel(options, before));
        try (Listener onBefore = Listener.on(DB.vertx(), before); Listener onAfter = Listener.on(DB.vertx(), after)) {
            assertThat(apply(DatabaseOptions.channel(options, after))).as("no version to apply").isEmpty();
            sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('r', 'a', '" + MD5_HA1
                    + "')");
            assertThat(onAfter.next()).isEqualTo(Listener.user("r", "a"));

            apply(DatabaseOptions.channel(options, ""));
            sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('r', 'b', '" + MD5_HA1
                    + "')");
            assertThat(onAfter.silentFor(Duration.ofMillis(300))).as("an empty channel turns notifications off").isTrue();
            assertThat(onBefore.silentFor(Duration.ofMillis(10))).isTrue();
        }
    }

    private List<Integer> apply(CredentialDatabaseOptions o) {
        return await(applying(o));
    }

    private static Future<List<Integer>> applying(CredentialDatabaseOptions o) {
        return PostgresConnections.withConnection(DB.vertx(), o, Migrations.of(o)::apply);
    }

    private static void assertRefused(String insert, String constraint) {
        assertThatThrownBy(() -> sql(insert)).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getConstraint()).isEqualTo(constraint));
    }
}
