package io.authd.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's python3-requests, run on Debian's own interpreter (the one the package is installed for,
 * bin/lib/ensure-peers.sh), driving one of the client scripts in {@code src/test/resources/clients}.
 */
public final class PythonRequests {
    public static final String PYTHON = "/usr/bin/python3";

    private PythonRequests() {
    }

    /** Checks that requests imports, then copies the client script {@code name} into {@code dir}. */
    public static Path script(Path dir, String name) throws Exception {
        Processes.Result r = Processes.run(List.of(PYTHON, "-c", "import requests"));
        assertThat(r.exitCode()).as("Debian's python3-requests is not installed; bin/test installs it "
                + "(apt-get install python3-requests): " + r.stderr()).isZero();
        Path script = dir.resolve(name);
        try (var in = PythonRequests.class.getResourceAsStream("/clients/" + name)) {
            Files.write(script, in.readAllBytes());
        }
        return script;
    }
}
