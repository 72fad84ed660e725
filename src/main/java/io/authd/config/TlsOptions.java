package io.authd.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * TLS on the public port, from PEM files. Off while {@code certFile} is not set. The files are checked every
 * {@code reloadInterval} and, when one changed, new connections get the new certificate (cert-manager and
 * similar renew them in place); connections already open keep theirs.
 *
 * @param certFile       the server certificate chain, leaf first (PEM)
 * @param keyFile        its private key (PEM, PKCS#8 or PKCS#1)
 * @param clientCaFile   CA certificates (PEM) that sign the callers' client certificates
 * @param clientAuth     whether callers must present a client certificate
 * @param reloadInterval how often the files are checked for changes
 */
public record TlsOptions(Path certFile, Path keyFile, Path clientCaFile, ClientAuth clientAuth,
                         Duration reloadInterval) {

    public static final TlsOptions DEFAULTS = new TlsOptions(null, null, null, ClientAuth.NONE, Duration.ofSeconds(10));

    public TlsOptions {
        Problems problems = new Problems();
        problems.check((certFile == null) == (keyFile == null), "", "set both certFile and keyFile, or neither");
        problems.check(clientCaFile == null || certFile != null, "clientCaFile", "needs certFile and keyFile (TLS on)");
        if (problems.present(clientAuth, "clientAuth")) {
            problems.check(clientAuth == ClientAuth.NONE || clientCaFile != null, "clientAuth",
                    "'" + clientAuth.name().toLowerCase(java.util.Locale.ROOT) + "' needs clientCaFile");
        }
        if (problems.present(reloadInterval, "reloadInterval")) {
            problems.check(reloadInterval.toMillis() >= 100, "reloadInterval",
                    "must be at least 100ms, got '" + Durations.format(reloadInterval) + "'");
        }
        problems.throwIfAny();
    }

    public boolean enabled() {
        return certFile != null;
    }
}
