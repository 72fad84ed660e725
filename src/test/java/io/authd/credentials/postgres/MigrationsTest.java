package io.authd.credentials.postgres;

import io.authd.config.CredentialDatabaseOptions;
import io.authd.testing.ClientDigest;
import io.authd.testing.TestPostgres;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credential schema against a real PostgreSQL, each test in a fresh schema. */
class MigrationsTest extends DatabaseTest {
    private static final String REALM = "api@example.org";
    private static final String JASON = "Jäsøn Doe";
    private static final String MD5_HA1 = "0123456789abcdef0123456789abcdef";

    private final List<PgConnection> listeners = new ArrayList<>();

    @AfterEach
    void closeListeners() {
        listeners.forEach(listener -> await(listener.close()));
    }

    @Test
    void anEmptyDatabaseLacksEveryVersion() {
        assertThat(await(Migrations.of(options).pending(admin))).containsExactly(1);
    }

    @Test
    void applyingTwiceAppliesEachVersionOnceAndThenNothing() {
        assertThat(apply(options)).containsExactly(1);
        assertThat(apply(options)).isEmpty();

        assertThat(await(Migrations.of(options).pending(admin))).isEmpty();
        List<Row> recorded = rows("SELECT version, description, applied_at FROM " + schema + ".schema_version");
        assertThat(recorded).singleElement().satisfies(row -> {
            assertThat(row.getInteger("version")).isEqualTo(1);
            assertThat(row.getString("description")).isEqualTo("credentials");
            assertThat(row.getOffsetDateTime("applied_at")).isNotNull();
        });
    }

    @Test
    void twoReplicasMigratingAtOnceBothSucceedAndApplyEachVersionOnce() {
        Future<List<Integer>> first = applying(options);
        Future<List<Integer>> second = applying(options);

        assertThat(List.of(await(first), await(second))).containsExactlyInAnyOrder(List.of(1), List.of());
        assertThat(rows("SELECT version FROM " + schema + ".schema_version")).hasSize(1);
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
        BlockingQueue<String> heard = listen(options.notifyChannel());
        String table = schema + ".credentials";

        sql("INSERT INTO " + table + " (realm, username, ha1_md5) VALUES ('" + REALM + "', '" + JASON + "', '"
                + MD5_HA1 + "')");
        sql("UPDATE " + table + " SET enabled = false");
        sql("UPDATE " + table + " SET username = 'renamed'");
        sql("DELETE FROM " + table);

        assertThat(next(heard)).isEqualTo(user(REALM, JASON));
        assertThat(next(heard)).as("update").isEqualTo(user(REALM, JASON));
        assertThat(next(heard)).as("rename: the old name").isEqualTo(user(REALM, JASON));
        assertThat(next(heard)).as("rename: the new name").isEqualTo(user(REALM, "renamed"));
        assertThat(next(heard)).as("delete").isEqualTo(user(REALM, "renamed"));
        assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void theNotifyChannelIsTakenFromTheConfigurationAtEveryMigrate() throws InterruptedException {
        String before = schema + "_before";
        String after = schema + "_after";
        apply(DatabaseOptions.channel(options, before));
        BlockingQueue<String> onBefore = listen(before);
        BlockingQueue<String> onAfter = listen(after);

        assertThat(apply(DatabaseOptions.channel(options, after))).as("no version to apply").isEmpty();
        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('r', 'a', '" + MD5_HA1 + "')");
        assertThat(next(onAfter)).isEqualTo(user("r", "a"));

        apply(DatabaseOptions.channel(options, ""));
        sql("INSERT INTO " + schema + ".credentials (realm, username, ha1_md5) VALUES ('r', 'b', '" + MD5_HA1 + "')");
        assertThat(onAfter.poll(300, TimeUnit.MILLISECONDS)).as("an empty channel turns notifications off").isNull();
        assertThat(onBefore.poll(10, TimeUnit.MILLISECONDS)).isNull();
    }

    private List<Integer> apply(CredentialDatabaseOptions o) {
        return await(applying(o));
    }

    private static Future<List<Integer>> applying(CredentialDatabaseOptions o) {
        return PostgresConnections.withConnection(vertx, o, Migrations.of(o)::apply);
    }

    private BlockingQueue<String> listen(String channel) {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        PgConnection listener = await(PgConnection.connect(vertx, TestPostgres.URI));
        listeners.add(listener);
        listener.notificationHandler(n -> heard.add(n.getPayload()));
        await(listener.query("LISTEN " + channel).execute());
        return heard;
    }

    private static JsonObject next(BlockingQueue<String> heard) throws InterruptedException {
        String payload = heard.poll(5, TimeUnit.SECONDS);
        assertThat(payload).as("a notification within 5 s").isNotNull();
        return new JsonObject(payload);
    }

    private static JsonObject user(String realm, String username) {
        return new JsonObject().put("realm", realm).put("username", username);
    }

    private static void assertRefused(String insert, String constraint) {
        assertThatThrownBy(() -> sql(insert)).isInstanceOfSatisfying(PgException.class,
                e -> assertThat(e.getConstraint()).isEqualTo(constraint));
    }
}
