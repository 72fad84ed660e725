package io.authd.cli;

import io.authd.credentials.ApiKey;
import io.authd.credentials.ApiKeyTokens;
import io.authd.credentials.CredentialEditor;
import io.authd.credentials.CredentialFile;
import io.authd.credentials.CredentialRules;
import io.authd.credentials.EditResult;
import io.authd.credentials.LoadResult;
import io.authd.credentials.RemoveResult;
import io.authd.bearer.ScopeTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code apikey create|list|revoke}: API keys in the credentials file. Only a hash is stored; the key is printed
 * once, by create, and cannot be shown again. Revoking deletes the key.
 */
@Command(name = "apikey", mixinStandardHelpOptions = true,
        description = "Manage API keys (Bearer ak_...) in the credentials file. Only their hashes are stored.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public final class ApiKeyCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key and print it once (store it now: it cannot be shown again).")
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private CredentialFileOption file;
        @Option(names = "--realm", required = true, paramLabel = "REALM", description = "Realm the key is valid in.")
        private String realm;
        @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope the key grants (repeatable).")
        private List<String> scopes = List.of();
        @Option(names = "--expires", paramLabel = "INSTANT", description = "Expiry, e.g. 2027-01-01T00:00:00Z (default: none).")
        private String expires;

        @Override
        public Integer call() {
            Optional<String> problem = ApiKeyCommand.problem(realm, scopes, expires);
            if (problem.isPresent()) {
                return Cli.fail(spec, problem.get());
            }
            ApiKeyTokens.Issued issued = ApiKeyTokens.issue(realm, scopes,
                    expires == null ? null : Instant.parse(expires), new SecureRandom());
            EditResult<RemoveResult> result = CredentialFile.edit(file.path(),
                    current -> CredentialEditor.addApiKey(current, issued.key()));
            return switch (result) {
                case EditResult.Failed<RemoveResult> failed -> Cli.fail(spec, failed.message());
                case EditResult.Edited<RemoveResult> edited -> Cli.ok(spec, issued.token());
            };
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API keys (ids, scopes, expiry; never secrets).")
    static final class ListKeys implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private CredentialFileOption file;
        @Option(names = "--realm", paramLabel = "REALM", description = "Only keys of this realm.")
        private String realm;

        @Override
        public Integer call() {
            return switch (CredentialFile.load(file.path())) {
                case LoadResult.Failed failed -> Cli.fail(spec, failed.message());
                case LoadResult.Loaded loaded -> Cli.ok(spec, loaded.snapshot().apiKeys().stream()
                        .filter(k -> realm == null || k.realm().equals(realm))
                        .map(ApiKeyCommand::row).collect(Collectors.joining("\n", "REALM\tID\tSCOPES\tEXPIRES\n", "")));
            };
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke (delete) an API key.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        private CommandSpec spec;
        @Mixin
        private CredentialFileOption file;
        @Option(names = "--realm", required = true, paramLabel = "REALM", description = "Realm of the key.")
        private String realm;
        @Parameters(paramLabel = "ID", description = "The key's id (the part after ak_).")
        private String id;

        @Override
        public Integer call() {
            EditResult<RemoveResult> result = CredentialFile.edit(file.path(),
                    current -> CredentialEditor.revokeApiKey(current, realm, id));
            return switch (result) {
                case EditResult.Failed<RemoveResult> failed -> Cli.fail(spec, failed.message());
                case EditResult.Edited<RemoveResult> edited -> edited.change().existed()
                        ? Cli.ok(spec, "revoked API key " + id + " in realm " + realm)
                        : Cli.fail(spec, "no API key " + id + " in realm " + realm);
            };
        }
    }

    static String row(ApiKey k) {
        return row(k.realm(), k.id(), k.scopes(), k.expiresAt() == null ? null : k.expiresAt().toString());
    }

    /** One line of the key table: realm, id, scopes, expiry ({@code never} when none). */
    static String row(String realm, String id, List<String> scopes, String expiresAt) {
        return realm + "\t" + id + "\t" + String.join(" ", scopes) + "\t" + (expiresAt == null ? "never" : expiresAt);
    }

    /** What is wrong with a new key's realm, scopes or expiry, checked before anything is written. */
    static Optional<String> problem(String realm, List<String> scopes, String expires) {
        Optional<String> realmProblem = CredentialRules.realmProblem(realm);
        if (realmProblem.isPresent()) {
            return realmProblem.map(p -> "realm: " + p);
        }
        for (String scope : scopes) {
            if (!ScopeTokens.isToken(scope)) {
                return Optional.of("scope '" + CredentialRules.printable(scope)
                        + "' is not a scope token (RFC 6750 §3: printable ASCII without space, '\"' or '\\')");
            }
        }
        if (expires != null) {
            try {
                Instant.parse(expires);
            } catch (DateTimeParseException e) {
                return Optional.of("--expires: expected an ISO-8601 instant such as 2027-01-01T00:00:00Z");
            }
        }
        return Optional.empty();
    }
}
