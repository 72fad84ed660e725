package io.authd.auth;

import java.util.Optional;

/**
 * Whether the caller authenticates as the origin (401, WWW-Authenticate, Authorization) or as a proxy
 * (407, Proxy-Authenticate, Proxy-Authorization): RFC 9110 §11.6 and §11.7, RFC 3261 §22.3.
 */
public enum Role {
    ORIGIN("origin", 401, "WWW-Authenticate"),
    PROXY("proxy", 407, "Proxy-Authenticate");

    private final String wireName;
    private final int challengeStatus;
    private final String challengeHeader;

    Role(String wireName, int challengeStatus, String challengeHeader) {
        this.wireName = wireName;
        this.challengeStatus = challengeStatus;
        this.challengeHeader = challengeHeader;
    }

    public String wireName() {
        return wireName;
    }

    public int challengeStatus() {
        return challengeStatus;
    }

    public String challengeHeader() {
        return challengeHeader;
    }

    /**
     * The header that carries Authentication-Info on allow. SIP answers {@code Authentication-Info} in both
     * roles (RFC 3261 §22.4 has no proxy variant); HTTP proxies use {@code Proxy-Authentication-Info}
     * (RFC 9110 §11.6.3).
     */
    public String authenticationInfoHeader(Protocol protocol) {
        return this == PROXY && protocol == Protocol.HTTP ? "Proxy-Authentication-Info" : "Authentication-Info";
    }

    public static Optional<Role> fromWire(String name) {
        for (Role r : values()) {
            if (r.wireName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
