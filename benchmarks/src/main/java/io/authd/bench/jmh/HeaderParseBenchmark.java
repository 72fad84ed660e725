package io.authd.bench.jmh;

import io.authd.digest.AuthorizationParse;
import io.authd.digest.AuthorizationParser;
import io.authd.digest.CredentialsSelection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reading an Authorization value, per shape: {@link #select} is what a verification calls (the RFC 9110 §11.4
 * scanner, then the RFC 7616 §3.4 Digest directives, then the pick of the realm's credentials), {@link #scan} the
 * scanner alone. {@link #baseline}: one pass of MD5 over the value's bytes, a floor any reader of the bytes pays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeaderParseBenchmark {

    @Param({"rfc7616-sha256", "sip-register-md5", "userhash", "username-star", "near-limit"})
    public String shape;

    private String header;
    private List<String> authorization;
    private String realm;
    private byte[] bytes;
    private MessageDigest md5;
    private final byte[] out = new byte[16];

    @Setup
    public void shape() throws NoSuchAlgorithmException {
        Shape s = Shape.of(shape);
        header = s.header();
        realm = s.realm();
        authorization = List.of(header);
        bytes = header.getBytes(StandardCharsets.UTF_8);
        md5 = MessageDigest.getInstance("MD5");
        if (!(select() instanceof CredentialsSelection.Found)) {
            throw new IllegalStateException(shape + " does not parse as Digest credentials for " + realm
                    + ": the benchmark would measure the refusal");
        }
    }

    @Benchmark
    public CredentialsSelection select() {
        return CredentialsSelection.select(authorization, realm, null);
    }

    @Benchmark
    public AuthorizationParse scan() {
        return AuthorizationParser.parse(header);
    }

    @Benchmark
    public byte[] baseline() throws DigestException {
        md5.update(bytes);
        md5.digest(out, 0, out.length);
        return out;
    }

    /** An Authorization value and the realm it answers. */
    record Shape(String header, String realm) {
        private static final String SIP_REGISTER = "Digest realm=\"sip.example.com\", "
                + "nonce=\"Z0GbS2dBmh/1b2KBYcTUakqYtEd1c3Vo\", algorithm=MD5, opaque=\"+GNywA==\", "
                + "username=\"1001\", uri=\"sip:sip.example.com\", response=\"6629fae49393a05397450978507c4ef1\", "
                + "cnonce=\"mD8fXzCpvK7ZVaiR\", nc=00000001, qop=auth";

        static Shape of(String name) {
            return switch (name) {
                // RFC 7616 §3.9.1, the SHA-256 answer.
                case "rfc7616-sha256" -> new Shape("Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
                        + "uri=\"/dir/index.html\", algorithm=SHA-256, "
                        + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001, "
                        + "cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth, "
                        + "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", "
                        + "opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", "http-auth@example.org");
                // A REGISTER as Linphone sends it through Kamailio: directives in the phone's order, nc last-ish.
                case "sip-register-md5" -> new Shape(SIP_REGISTER, "sip.example.com");
                // RFC 7616 §3.9.2 with userhash=true: the username is H(username ":" realm) (§3.4.4).
                case "userhash" -> new Shape(rfc7616Sha512("username=\"488869477bf257147b804c45308cd62ac4e25eb717b12b"
                        + "298c79e62dcea254ec\"", "true"), "api@example.org");
                // RFC 7616 §3.9.2 as printed: the username in RFC 8187 encoding (userhash=true excludes it, §3.4.4).
                case "username-star" -> new Shape(rfc7616Sha512("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe", "false"),
                        "api@example.org");
                case "near-limit" -> new Shape(nearLimit(), "sip.example.com");
                default -> throw new IllegalArgumentException("no shape " + name);
            };
        }

        private static String rfc7616Sha512(String username, String userhash) {
            return "Digest " + username + ", realm=\"api@example.org\", uri=\"/doe.json\", algorithm=SHA-512-256, "
                    + "nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", nc=00000001, "
                    + "cnonce=\"NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v\", qop=auth, "
                    + "response=\"ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd\", "
                    + "opaque=\"HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS\", userhash=" + userhash;
        }

        /**
         * The SIP answer padded with unknown directives (which RFC 7616 §3.4 says to ignore) of long quoted values
         * to just under {@link AuthorizationParser#MAX_HEADER_LENGTH}, within the parameter and value limits.
         */
        private static String nearLimit() {
            StringBuilder b = new StringBuilder(SIP_REGISTER);
            String value = "x".repeat(AuthorizationParser.MAX_VALUE_LENGTH / 2);
            for (int i = 0; b.length() + value.length() + 16 < AuthorizationParser.MAX_HEADER_LENGTH; i++) {
                b.append(", ext").append(i).append("=\"").append(value).append('"');
            }
            return b.toString();
        }
    }
}
