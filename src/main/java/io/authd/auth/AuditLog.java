package io.authd.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

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
     * @param claimedUser the username the Digest or Basic credentials name (a userhash when {@code userhash}), null
     *                    without them; on allow the identity's user is logged instead
     */
    void verified(VerifyRequest r, String realm, String claimedUser, boolean userhash, Decision d) {
        if (log == null || !log.isInfoEnabled()) {
            return;
        }
        String user = d.identity() instanceof DigestIdentity || d.identity() instanceof BasicIdentity
                ? d.identity().user() : claimedUser;
        LoggingEventBuilder event = log.atInfo();
        optional(event, "user", printable(user));
        if (userhash && d.identity() == null) {
            event.addKeyValue("userhash", true); // the user above is H(username:realm), RFC 7616 §3.4.4
        }
        event.addKeyValue("realm", realm)
                .addKeyValue("outcome", d.outcome().wireName())
                .addKeyValue("reason", d.reason().code())
                .addKeyValue("status", d.status());
        optional(event, "clientAddress", printable(r.clientAddress()));
        event.addKeyValue("protocol", r.protocol().wireName())
                .addKeyValue("role", r.role().wireName())
                .log("verify");
    }

    private static void optional(LoggingEventBuilder event, String key, String value) {
        if (value != null) {
            event.addKeyValue(key, value);
        }
    }

    /** Control characters escaped, so a crafted username cannot forge a line of a text log. */
    static String printable(String s) {
        if (s == null || !hasControl(s)) {
            return s; // nearly always: a plain loop, as this runs twice per verification
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        s.chars().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.toString();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
