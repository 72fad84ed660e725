package io.authd.digest;

/** The result of {@link DigestCredentialsParser#parse(Credentials)}: Digest credentials or why they are malformed. */
public sealed interface DigestParse permits DigestParse.Valid, DigestParse.Malformed {

    /** Well-formed Digest credentials; the algorithm may still be unsupported ({@code algorithm() == null}). */
    record Valid(DigestCredentials credentials) implements DigestParse {
    }

    /**
     * The credentials break RFC 7616 §3.4 (or RFC 3261 §22.4 / RFC 2617 §3.2.2): answer
     * {@code malformed_credentials}.
     *
     * @param reason a short phrase for operators naming the offending directive, never its value
     */
    record Malformed(String reason) implements DigestParse {
    }
}
