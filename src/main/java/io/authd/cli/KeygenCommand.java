package io.authd.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Callable;

/** Prints a new nonce key line for the key ring (see {@code NonceKeyRing} for the format). */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Print a new nonce key entry (id:base64-secret[:notBefore]) for the key ring.")
final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--id", description = "Key id, 1..65535; the highest active id signs (default ${DEFAULT-VALUE}).",
            defaultValue = "1")
    int id;

    @Option(names = "--not-before", description = "ISO-8601 instant from which the key may sign, e.g. "
            + "2026-12-01T00:00:00Z: roll it out to every replica before then.")
    Instant notBefore;

    @Override
    public Integer call() {
        if (id < 1 || id > 0xFFFF) {
            System.err.println("--id: must be 1..65535, got " + id);
            return 1;
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String line = id + ":" + Base64.getEncoder().encodeToString(secret);
        System.out.println(notBefore == null ? line : line + ":" + notBefore);
        return 0;
    }
}
