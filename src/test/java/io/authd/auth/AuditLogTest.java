package io.authd.auth;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.authd.digest.DigestAlgorithm;
import io.authd.digest.Qop;
import io.authd.testing.CapturedLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTest {
    private static final VerifyRequest REQUEST = new VerifyRequest(Protocol.SIP, Role.ORIGIN, "REGISTER",
            "sip:example.com", "example.com", List.of("Digest username=\"mallory\", response=\"abc\""), null,
            "203.0.113.7", null, null, false, null);

    @Test
    void allowNamesTheIdentityWithRealmOutcomeReasonAddressAndProtocol() {
        Decision allow = Decision.allow(new DigestIdentity("alice", "example.com", DigestAlgorithm.SHA_256, Qop.AUTH), List.of());

        Map<String, Object> fields = fieldsOf(AuditLog.on(), REQUEST, "alice", false, allow);

        assertThat(fields).containsEntry("user", "alice").containsEntry("realm", "example.com")
                .containsEntry("outcome", "allow").containsEntry("reason", "ok").containsEntry("status", 200)
                .containsEntry("clientAddress", "203.0.113.7").containsEntry("protocol", "sip")
                .containsEntry("role", "origin").doesNotContainKey("userhash");
    }

    @Test
    void refusedUserhashIsMarkedAndControlCharactersInNamesAreEscaped() {
        Decision refused = Decision.challenge(401, Reason.BAD_CREDENTIALS, List.of(), null);

        Map<String, Object> hashed = fieldsOf(AuditLog.on(), REQUEST, "5a1f00", true, refused);
        Map<String, Object> forged = fieldsOf(AuditLog.on(), REQUEST, "bob\nINFO admin ok", false, refused);

        assertThat(hashed).containsEntry("user", "5a1f00").containsEntry("userhash", true)
                .containsEntry("reason", "bad_credentials");
        assertThat(forged).containsEntry("user", "bob\\u000aINFO admin ok");
    }

    @Test
    void offLogsNothing() {
        try (CapturedLog log = CapturedLog.everything()) {
            AuditLog.off().verified(REQUEST, "example.com", "alice", false,
                    Decision.challenge(401, Reason.BAD_CREDENTIALS, List.of(), null));

            assertThat(log.events()).filteredOn(e -> e.getLoggerName().equals(AuditLog.LOGGER)).isEmpty();
        }
    }

    private static Map<String, Object> fieldsOf(AuditLog audit, VerifyRequest r, String user, boolean userhash, Decision d) {
        try (CapturedLog log = CapturedLog.everything()) {
            audit.verified(r, "example.com", user, userhash, d);
            List<ILoggingEvent> events = log.events().stream()
                    .filter(e -> e.getLoggerName().equals(AuditLog.LOGGER)).toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).getFormattedMessage()).isEqualTo("verify");
            return events.get(0).getKeyValuePairs().stream().collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        }
    }
}
