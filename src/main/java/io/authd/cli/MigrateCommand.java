package io.authd.cli;

import io.authd.config.AuthdOptions;
import io.authd.config.ConfigException;
import io.authd.config.CredentialDatabaseOptions;
import io.authd.config.CredentialsOptions;
import io.authd.credentials.postgres.Migrations;
import io.authd.credentials.postgres.PostgresConnections;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies the pending migrations of the PostgreSQL credential schema, for deployments whose runtime role may not
 * change the schema ({@code credentials.postgres.migrate: false}): run it with a role that may, before rolling
 * out a new version. Also re-applies the notify function with the configured channel.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending migrations of the PostgreSQL credential schema (credentials.store postgres).")
final class MigrateCommand implements Callable<Integer> {
    /** Longer than connecting and migrating need; the connect has a limit of its own. */
    private static final long MAX_WAIT_SECONDS = 60;

    @Spec
    private CommandSpec spec;
    @Mixin
    private ConfigOption config;
    private final Map<String, String> env;

    MigrateCommand() {
        this(System.getenv());
    }

    /** With {@code env} in place of the process environment, for tests. */
    MigrateCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        CredentialsOptions credentials;
        try {
            credentials = config.load(env).credentials();
        } catch (ConfigException e) {
            return Cli.fail(spec, "invalid configuration:\n" + e.getMessage());
        }
        if (!credentials.usesPostgres()) {
            return Cli.fail(spec, "credentials.store is '" + credentials.store()
                    + "': only the postgres store has a schema to migrate");
        }
        CredentialDatabaseOptions database = credentials.postgres();
        if (database.customLookup()) {
            return Cli.ok(spec, "credentials.postgres.lookup is set: authd reads a table it does not own,"
                    + " nothing to migrate");
        }
        return migrate(database);
    }

    /** Blocking is fine here: a command line tool, not an event loop. */
    private int migrate(CredentialDatabaseOptions database) {
        Vertx vertx = Vertx.vertx();
        try {
            List<Integer> applied = PostgresConnections.withConnection(vertx, database, Migrations.of(database)::apply)
                    .await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            return Cli.ok(spec, applied.isEmpty() ? "schema is up to date (" + database.schema() + ")"
                    : applied.stream().map(v -> "applied version " + v + " to schema " + database.schema())
                    .collect(Collectors.joining(System.lineSeparator())));
        } catch (Exception e) {
            // The URI is not shown: it may hold a password.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Cli.fail(spec, "cannot migrate the credential schema in the database of credentials.postgres.uri: "
                    + why);
        } finally {
            vertx.close();
        }
    }
}
