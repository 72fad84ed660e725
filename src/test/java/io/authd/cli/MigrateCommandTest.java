package io.authd.cli;

import io.authd.testing.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.authd.testing.TestPostgres.await;
import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTest {
    @TempDir
    Path dir;
    private String schema;

    @BeforeEach
    void freshSchema() {
        TestPostgres.requireReachable();
        schema = TestPostgres.newSchema();
    }

    @AfterEach
    void dropSchema() {
        Vertx vertx = Vertx.vertx();
        SqlClient admin = TestPostgres.admin(vertx);
        TestPostgres.dropSchema(admin, schema);
        await(admin.close());
        await(vertx.close());
    }

    @Test
    void appliesEachPendingVersionThenFindsTheSchemaUpToDate() throws IOException {
        Path config = config(TestPostgres.URI, "");

        CliRun first = migrate(Map.of(), "--config", config.toString());
        CliRun second = migrate(Map.of(), "-c", config.toString());

        assertThat(first).isEqualTo(new CliRun(0, "applied version 1 to schema " + schema + "\n"
                + "applied version 2 to schema " + schema + "\n", ""));
        assertThat(second).isEqualTo(new CliRun(0, "schema is up to date (" + schema + ")\n", ""));
    }

    @Test
    void theConfigurationIsFoundLikeServeFindsIt() throws IOException {
        Path config = config(TestPostgres.URI, "");

        CliRun run = migrate(Map.of("AUTHD_CONFIG", config.toString()));

        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("applied version 1");
    }

    @Test
    void theFileStoreHasNothingToMigrateAndFails() throws IOException {
        Path config = Files.writeString(dir.resolve("authd.yaml"), "credentials:\n  store: file\n");

        CliRun run = migrate(Map.of(), "--config", config.toString());

        assertThat(run).isEqualTo(new CliRun(1, "",
                "migrate: credentials.store is 'file': only the postgres store has a schema to migrate\n"));
    }

    @Test
    void anUnreachableDatabaseFailsWithoutShowingTheUri() throws IOException {
        String secretUri = "postgresql://postgres:s3cret@127.0.0.1:1/postgres";

        CliRun run = migrate(Map.of(), "--config", config(secretUri, "").toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("migrate: cannot migrate the credential schema").doesNotContain("s3cret");
    }

    @Test
    void customLookupsHaveNoSchemaToMigrate() throws IOException {
        Path config = config(TestPostgres.URI, """
                    lookup:
                      byUsername: SELECT password FROM subscriber WHERE domain = $1 AND username = $2
                """);

        CliRun run = migrate(Map.of(), "--config", config.toString());

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("nothing to migrate");
    }

    @Test
    void anInvalidConfigurationFailsListingTheProblem() throws IOException {
        Path config = Files.writeString(dir.resolve("authd.yaml"), "credentials:\n  store: postgres\n  postgres:\n"
                + "    poolSize: 0\n");

        CliRun run = migrate(Map.of(), "--config", config.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("credentials.postgres.poolSize");
    }

    private static CliRun migrate(Map<String, String> env, String... args) {
        return CliRun.run(new MigrateCommand(env), args);
    }

    private Path config(String uri, String moreUnderPostgres) throws IOException {
        return Files.writeString(dir.resolve("authd.yaml"), """
                credentials:
                  store: postgres
                  postgres:
                    uri: "%s"
                    schema: %s
                %s""".formatted(uri, schema, moreUnderPostgres));
    }
}
