package io.authd.cli;

import io.authd.api.http.AdminPaths;
import io.authd.api.http.PathSegment;
import io.authd.credentials.UserChanges;
import io.authd.credentials.UserEntry;
import io.authd.digest.HashFunction;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code admin user list|add|set|enable|disable|remove}. Exit codes: 0 done, 1 refused by the server or not
 * reached (the server's message is printed), 2 usage.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manage users through the admin API. HA1s are stored, passwords never.")
final class AdminUserCommand {
    /** The largest page the admin API serves: fewest round trips. */
    private static final int PAGE = 1000;
    private static final String HA1_HELP = "HA1 to store instead of a password, e.g. MD5=<32 hex>; repeat for"
            + " SHA-256 and SHA-512-256. An HA1 is as good as the password: it shows in ps like any argument.";

    @ParentCommand
    private AdminCommand parent;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the users of a realm (never HA1s).")
    int list(@Mixin AdminConnection to) {
        AdminClient client = to.client(parent.env());
        List<UserEntry> users = new ArrayList<>();
        String after = null;
        do {
            String query = "?limit=" + PAGE + (after == null ? "" : "&after=" + PathSegment.encode(after));
            switch (client.send("GET", AdminPaths.users(to.realm()) + query, null)) {
                case AdminReply.Answered a when a.ok() -> {
                    a.body().getJsonArray("users").forEach(u -> users.add(entry((JsonObject) u)));
                    after = a.body().getString("next");
                }
                case AdminReply.Answered a -> {
                    return Cli.fail(to.command(), a.problem());
                }
                case AdminReply.Unreachable u -> {
                    return Cli.fail(to.command(), u.reason());
                }
            }
        } while (after != null);
        return Cli.ok(to.command(), UserTable.of(users));
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = {"Add a user.",
            "The password is asked twice on a terminal, or read as one line of standard input; never an argument."})
    int add(@Mixin AdminConnection to,
            @Option(names = "--disabled", description = "Store the user disabled: known, but refused at login.") boolean disabled,
            @Option(names = "--ha1", paramLabel = "HASH=HEX", description = HA1_HELP) Map<String, String> ha1,
            @Parameters(paramLabel = "USERNAME", description = "Username, stored in Unicode NFC.") String username) {
        return withSecret(to, username, ha1, secret -> call(to, "POST", AdminPaths.users(to.realm()),
                secret.put("username", username).put("enabled", !disabled), "added " + Cli.user(username, to.realm())));
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = {"Set a user's password (or HA1s).",
            "The password is asked twice on a terminal, or read as one line of standard input; never an argument."})
    int set(@Mixin AdminConnection to,
            @Option(names = "--ha1", paramLabel = "HASH=HEX", description = HA1_HELP) Map<String, String> ha1,
            @Parameters(paramLabel = "USERNAME", description = "Username.") String username) {
        return withSecret(to, username, ha1, secret -> call(to, "PATCH", AdminPaths.user(to.realm(), username), secret,
                "updated " + Cli.user(username, to.realm())));
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user log in again.")
    int enable(@Mixin AdminConnection to, @Parameters(paramLabel = "USERNAME", description = "Username.") String username) {
        return call(to, "PATCH", AdminPaths.user(to.realm(), username), new JsonObject().put("enabled", true),
                "enabled " + Cli.user(username, to.realm()));
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Refuse a user at login without removing it; at once on the server called.")
    int disable(@Mixin AdminConnection to, @Parameters(paramLabel = "USERNAME", description = "Username.") String username) {
        return call(to, "PATCH", AdminPaths.user(to.realm(), username), new JsonObject().put("enabled", false),
                "disabled " + Cli.user(username, to.realm()));
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a user.")
    int remove(@Mixin AdminConnection to, @Parameters(paramLabel = "USERNAME", description = "Username.") String username) {
        return call(to, "DELETE", AdminPaths.user(to.realm(), username), null, "removed " + Cli.user(username, to.realm()));
    }

    /** The body part that sets the secret: the HA1s given, else a password asked for once the name is known good. */
    private int withSecret(AdminConnection to, String username, Map<String, String> ha1, Function<JsonObject, Integer> then) {
        if (ha1 != null && !ha1.isEmpty()) {
            JsonObject hashes = new JsonObject();
            ha1.forEach(hashes::put);
            return then.apply(new JsonObject().put("ha1", hashes));
        }
        Optional<String> problem = UserChanges.userProblem(to.realm(), username); // before asking for a password
        if (problem.isPresent()) {
            return Cli.fail(to.command(), problem.get());
        }
        return switch (parent.passwordInput().read("Password for " + Cli.user(username, to.realm()) + ": ")) {
            case PasswordEntry.Refused refused -> Cli.fail(to.command(), refused.reason());
            case PasswordEntry.Entered entered -> then.apply(new JsonObject().put("password", entered.password()));
        };
    }

    private int call(AdminConnection to, String method, String path, JsonObject body, String done) {
        return switch (to.client(parent.env()).send(method, path, body)) {
            case AdminReply.Answered a when a.ok() -> Cli.ok(to.command(), done);
            case AdminReply.Answered a -> Cli.fail(to.command(), a.problem());
            case AdminReply.Unreachable u -> Cli.fail(to.command(), u.reason());
        };
    }

    /** A user as the API shows it; hash functions this client does not know are left out. */
    private static UserEntry entry(JsonObject user) {
        Set<HashFunction> hashes = EnumSet.noneOf(HashFunction.class);
        user.getJsonArray("algorithms").forEach(a -> HashFunction.fromToken(String.valueOf(a)).ifPresent(hashes::add));
        return new UserEntry(user.getString("realm"), user.getString("username"), user.getBoolean("enabled"), hashes);
    }
}
