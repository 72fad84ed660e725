package io.authd.credentials;

import java.util.Optional;

/**
 * The outcome of {@link HtdigestImporter#apply}.
 *
 * @param added    users that did not exist before
 * @param replaced existing users whose HA1s were replaced by the imported MD5 HA1
 * @param skipped  lines for other realms than the one asked for
 */
public record ImportResult(CredentialSnapshot snapshot, int added, int replaced, int skipped) implements CredentialChange {
    @Override
    public Optional<CredentialSnapshot> toWrite() {
        return added + replaced > 0 ? Optional.of(snapshot) : Optional.empty();
    }
}
