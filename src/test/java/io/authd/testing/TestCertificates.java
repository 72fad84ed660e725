package io.authd.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway CA and certificates signed by it, made at test time with openssl (EC P-256: quick to generate),
 * so no key material is checked in. Files: {@code ca.crt}, and per name {@code NAME.crt} / {@code NAME.key}.
 */
public final class TestCertificates {
    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    public static TestCertificates ca(Path dir) throws IOException, InterruptedException {
        Processes.require("openssl");
        TestCertificates certs = new TestCertificates(dir);
        certs.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=authd test CA", "-days", "2");
        return certs;
    }

    public Path ca() {
        return dir.resolve("ca.crt");
    }

    /** A server certificate for 127.0.0.1 and localhost with the given serial number. */
    public Path server(String name, long serial) throws IOException, InterruptedException {
        return sign(name, serial, "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    }

    public Path client(String name, long serial) throws IOException, InterruptedException {
        return sign(name, serial, "extendedKeyUsage=clientAuth\n");
    }

    private Path sign(String name, long serial, String extensions) throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + name);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-set_serial",
                Long.toString(serial), "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
        return dir.resolve(name + ".crt");
    }

    /** Puts {@code name}'s certificate and key in place of {@code target}'s, each by an atomic rename. */
    public void install(String name, String target) throws IOException {
        for (String ext : List.of(".key", ".crt")) {
            Path staged = dir.resolve(target + ext + ".new");
            Files.copy(dir.resolve(name + ext), staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, dir.resolve(target + ext), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The serial number of the certificate a new TLS connection to 127.0.0.1:port is served. */
    public BigInteger servedSerial(int port) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trusting().getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private TrustManagerFactory trusting() throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(ca())) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("openssl " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
