package io.authd.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;

/** Output conventions of the credential commands: results on stdout, one line per problem on stderr. */
final class Cli {
    /** Exit code for expected failures: bad input, unknown user, broken file. Usage errors are picocli's 2. */
    static final int FAILED = 1;

    private Cli() {
    }

    static int ok(CommandSpec spec, String message) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(message);
        out.flush();
        return 0;
    }

    static int fail(CommandSpec spec, String problem) {
        return fail(spec, List.of(problem));
    }

    /** Prints each problem prefixed with the command's name, e.g. {@code user add: password must not be empty}. */
    static int fail(CommandSpec spec, List<String> problems) {
        PrintWriter err = spec.commandLine().getErr();
        problems.forEach(p -> err.println(spec.qualifiedName() + ": " + p));
        err.flush();
        return FAILED;
    }

    /** How a user is named in messages. */
    static String user(String username, String realm) {
        return username + "@" + realm;
    }
}
