package io.authd.api.grpc;

import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.Header;
import io.authd.api.grpc.v1.Identity;
import io.authd.api.grpc.v1.Outcome;
import io.authd.api.http.WireDecision;
import io.authd.auth.HeaderField;

/**
 * authd.v1.Decision from {@link WireDecision}, the mapping the JSON API writes from too: the proto3 JSON form
 * of what this builds is the HTTP API's Decision (DecisionMappingTest holds both to that).
 */
final class DecisionMessages {
    private DecisionMessages() {
    }

    static Decision decision(io.authd.auth.Decision decision) {
        WireDecision d = WireDecision.of(decision);
        Decision.Builder b = Decision.newBuilder()
                .setOutcome(Outcome.valueOf(d.outcome()))
                .setStatus(d.status())
                .setReason(d.reason());
        if (d.identity() != null) {
            b.setIdentity(identity(d.identity()));
        }
        for (HeaderField h : d.headers()) {
            b.addHeaders(Header.newBuilder().setName(h.name()).setValue(h.value()));
        }
        if (d.detail() != null) {
            b.setDetail(d.detail());
        }
        return b.build();
    }

    private static Identity identity(WireDecision.WireIdentity id) {
        Identity.Builder b = Identity.newBuilder().setScheme(id.scheme()).setUser(id.user()).setRealm(id.realm());
        if (id.algorithm() != null) {
            b.setAlgorithm(id.algorithm());
        }
        if (id.qop() != null) {
            b.setQop(id.qop());
        }
        return b.build();
    }
}
