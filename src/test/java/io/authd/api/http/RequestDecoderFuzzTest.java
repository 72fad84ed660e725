package io.authd.api.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.authd.auth.Realms;
import io.authd.config.RealmOptions;

import java.util.List;

/**
 * Coverage-guided fuzzing of the JSON request decoder (Jazzer): any body is a request or the contract's error, never
 * an exception (which would be a 500). Findings are kept in
 * {@code src/test/resources/io/authd/api/http/RequestDecoderFuzzTestInputs/}.
 */
class RequestDecoderFuzzTest {
    private static final ApiRequests REQUESTS = new ApiRequests(new Realms(
            List.of(RealmOptions.defaults("example.com"), RealmOptions.defaults("sip.example.com")), "example.com"));

    @FuzzTest(maxDuration = "6s")
    void anyBodyIsARequestOrAnApiErrorNeverAnException(byte[] json) {
        if (json == null) {
            return;
        }
        if (RequestFields.read(json) instanceof Decoded.Ok<RequestFields> ok) {
            requireAnswer(REQUESTS.verify(ok.value()));
            requireAnswer(REQUESTS.challenge(ok.value()));
        }
    }

    private static void requireAnswer(Decoded<?> decoded) {
        if (decoded == null) {
            throw new AssertionError("the decoder answered null instead of a request or an error");
        }
    }
}
