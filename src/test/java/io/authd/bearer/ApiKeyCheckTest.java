package io.authd.bearer;

import io.authd.auth.Reason;
import io.authd.credentials.ApiKeyTokens;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys: the format, the constant-time hash check, expiry and scopes, and that the id is the subject. */
class ApiKeyCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final ApiKeyTokens.Issued issued = ApiKeyTokens.issue("api.example.com", List.of("read"),
            NOW.plusSeconds(60), new SecureRandom());
    private final ApiKeyTokens.Presented presented = ApiKeyTokens.parse(issued.token()).orElseThrow();

    @Test
    void issuedKeyHasThePrefixAnIdAnd256BitSecret() {
        assertThat(issued.token()).matches("ak_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(presented.id()).isEqualTo(issued.key().id());
        assertThat(issued.key().secretHash()).doesNotContain(presented.secret());
        assertThat(issued.toString()).doesNotContain(presented.secret());
    }

    @Test
    void rightKeyIsAllowedWithItsIdAsSubjectAndItsScopes() {
        TokenCheck c = ApiKeyCheck.check(Optional.of(issued.key()), presented, List.of("read"), NOW);

        var id = ((TokenCheck.Valid) c).identity();
        assertThat(id.subject()).isEqualTo(issued.key().id());
        assertThat(id.issuer()).isNull();
        assertThat(id.scopes()).containsExactly("read");
        assertThat(id.expiresAt()).isEqualTo(NOW.plusSeconds(60).getEpochSecond());
    }

    @Test
    void wrongSecretAndUnknownIdGetTheSameAnswer() {
        ApiKeyTokens.Presented wrong = new ApiKeyTokens.Presented(presented.id(), "x".repeat(43));

        TokenCheck bad = ApiKeyCheck.check(Optional.of(issued.key()), wrong, List.of(), NOW);
        TokenCheck unknown = ApiKeyCheck.check(Optional.empty(), presented, List.of(), NOW);

        assertThat(bad).isEqualTo(unknown).isEqualTo(new TokenCheck.Refused(Reason.INVALID_TOKEN, "unknown or revoked API key"));
    }

    @Test
    void expiredKeyIsExpiredTokenAndMissingScopeIsInsufficientScope() {
        assertThat(((TokenCheck.Refused) ApiKeyCheck.check(Optional.of(issued.key()), presented, List.of(),
                NOW.plusSeconds(60))).reason()).isEqualTo(Reason.EXPIRED_TOKEN);
        assertThat(((TokenCheck.Refused) ApiKeyCheck.check(Optional.of(issued.key()), presented, List.of("write"),
                NOW)).reason()).isEqualTo(Reason.INSUFFICIENT_SCOPE);
    }

    @Test
    void jwtsAndGarbageAreNotApiKeys() {
        assertThat(ApiKeyTokens.parse("eyJhbGciOiJSUzI1NiJ9.e30.sig")).isEmpty();
        assertThat(ApiKeyTokens.parse("ak_short_secret")).isEmpty();
        assertThat(ApiKeyTokens.parse("ak_0123456789ABCDEF_" + "a".repeat(43))).isEmpty();
    }
}
