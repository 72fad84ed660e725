package io.authd.bench.load;

/** What an answer to a verification means to the closed loop, whatever the wire. */
sealed interface Reply {
    /**
     * An allow for the user and algorithm sent, reason ok.
     *
     * @param info        its Authentication-Info value, which the loop checks further
     * @param parsedWhole the answer missed the wire's fast path and was decoded whole (should not happen with authd)
     */
    record Allow(String info, boolean parsedWhole) implements Reply {
    }

    /** A challenge with reason stale_nonce: {@code challenge} is its Digest challenge for our algorithm, or null. */
    record Stale(String challenge) implements Reply {
    }

    /** Anything else: an error; {@code problem} says what is wrong beyond the answer itself, or is null. */
    record Wrong(String problem) implements Reply {
    }

    /** What is wrong with an allow's identity, or null: it must be reason ok, our user and our algorithm. */
    static String identityProblem(String reason, String user, String algorithm, String expectedUser,
                                  String expectedAlgorithm) {
        if (!"ok".equals(reason)) {
            return "allow with reason " + reason;
        }
        if (!expectedUser.equals(user) || !expectedAlgorithm.equals(algorithm)) {
            return "allow for another identity than " + expectedUser + " / " + expectedAlgorithm;
        }
        return null;
    }

    /**
     * Whether a Decision header is a Digest challenge for {@code algorithm}. Either header name: the driver sends no
     * role, so authd answers as an origin (WWW-Authenticate), but a proxy's challenge would do as well.
     */
    static boolean isDigestChallenge(String name, String value, String algorithm) {
        return ("WWW-Authenticate".equalsIgnoreCase(name) || "Proxy-Authenticate".equalsIgnoreCase(name))
                && value != null && value.startsWith("Digest ")
                && algorithm.equalsIgnoreCase(Text.param(value, "algorithm"));
    }
}
