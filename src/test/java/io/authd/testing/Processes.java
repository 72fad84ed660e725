package io.authd.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client program (curl, python3) and returns what it printed. */
public final class Processes {
    private Processes() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Fails the test, with a clear message, when a client the test needs is missing (bin/test installs it). */
    public static String require(String program) throws IOException, InterruptedException {
        Result r = run(List.of("sh", "-c", "command -v " + program));
        if (r.exitCode() != 0) {
            throw new AssertionError(program + " is not installed; bin/test installs it (apt-get install " + program + ")");
        }
        return r.stdout().strip();
    }
}
