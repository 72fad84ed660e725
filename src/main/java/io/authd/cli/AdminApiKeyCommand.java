package io.authd.cli;

import io.authd.api.http.AdminPaths;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code admin apikey create|list|revoke}: API keys of a running server. create prints the key, which the server
 * shows only then. Exit codes as {@code admin user}.
 */
@Command(name = "apikey", mixinStandardHelpOptions = true,
        description = "Manage API keys (Bearer ak_...) through the admin API. Only their hashes are stored.")
final class AdminApiKeyCommand {
    @ParentCommand
    private AdminCommand parent;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API key and print it once (store it now: it cannot be shown again).")
    int create(@Mixin AdminConnection to,
               @Option(names = "--scope", paramLabel = "SCOPE", description = "A scope the key grants (repeatable).")
               List<String> scopes,
               @Option(names = "--expires", paramLabel = "INSTANT", description = "Expiry, e.g. 2027-01-01T00:00:00Z.")
               String expires) {
        List<String> granted = scopes == null ? List.of() : scopes;
        Optional<String> problem = ApiKeyCommand.problem(to.realm(), granted, expires);
        if (problem.isPresent()) {
            return Cli.fail(to.command(), problem.get());
        }
        JsonObject body = new JsonObject().put("scopes", new JsonArray(granted));
        if (expires != null) {
            body.put("expiresAt", expires);
        }
        return call(to, "POST", AdminPaths.apiKeys(to.realm()), body, answer -> answer.getString("key"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the API keys of a realm (never secrets).")
    int list(@Mixin AdminConnection to) {
        return call(to, "GET", AdminPaths.apiKeys(to.realm()), null, answer -> answer.getJsonArray("apiKeys").stream()
                .map(JsonObject.class::cast)
                .map(k -> ApiKeyCommand.row(k.getString("realm"), k.getString("id"),
                        k.getJsonArray("scopes").stream().map(String::valueOf).toList(), k.getString("expiresAt")))
                .collect(Collectors.joining("\n", "REALM\tID\tSCOPES\tEXPIRES\n", "")));
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke (delete) an API key; refused at once by every replica of a shared database.")
    int revoke(@Mixin AdminConnection to, @Parameters(paramLabel = "ID", description = "The key's id.") String id) {
        return call(to, "DELETE", AdminPaths.apiKey(to.realm(), id), null,
                answer -> "revoked API key " + id + " in realm " + to.realm());
    }

    private int call(AdminConnection to, String method, String path, JsonObject body, Function<JsonObject, String> done) {
        return switch (to.client(parent.env()).send(method, path, body)) {
            case AdminReply.Answered a when a.ok() -> Cli.ok(to.command(), done.apply(a.body()));
            case AdminReply.Answered a -> Cli.fail(to.command(), a.problem());
            case AdminReply.Unreachable u -> Cli.fail(to.command(), u.reason());
        };
    }
}
