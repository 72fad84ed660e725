package io.authd.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one event per verification on the logger {@value #LOGGER}, as key-value pairs (user, realm,
 * outcome, reason, status, client address, protocol, role) that the JSON log format writes as fields. It never
 * holds a secret: not the Authorization value, response, cnonce, HA1 or password. The logback configuration sends
 * it through an asynchronous appender that drops rather than blocks, so the event loop never waits on a log.
 */
public final class AuditLog {
    public static final String LOGGER = "authd.audit";
    private static final AuditLog OFF = new AuditLog(null);

    private final Logger log;

    private AuditLog(Logger log) {
        this.log = log;
    }

    public static AuditLog on() {
        return new AuditLog(LoggerFactory.getLogger(LOGGER));
    }

    public static AuditLog off() {
        return OFF;
    }

    /**
     * @param claimedUser the username the credentials name (a userhash when {@code userhash}), null without
     *                    credentials; on allow the identity's user is logged instead
     */
    void verified(VerifyRequest r, String realm, String claimedUser, boolean userhash, Decision d) {
        if (log == null || !log.isInfoEnabled()) {
            return;
        }
        String user = d.identity() instanceof DigestIdentity id ? id.user() : claimedUser;
        log.atInfo()
                .addKeyValue("user", printable(user))
                .addKeyValue("userhash", userhash && d.identity() == null)
                .addKeyValue("realm", realm)
                .addKeyValue("outcome", d.outcome().wireName())
                .addKeyValue("reason", d.reason().code())
                .addKeyValue("status", d.status())
                .addKeyValue("clientAddress", printable(r.clientAddress()))
                .addKeyValue("protocol", r.protocol().wireName())
                .addKeyValue("role", r.role().wireName())
                .log("verify");
    }

    /** Control characters escaped, so a crafted username cannot forge a line of a text log. */
    static String printable(String s) {
        if (s == null || s.chars().noneMatch(Character::isISOControl)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.chars().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }
}
