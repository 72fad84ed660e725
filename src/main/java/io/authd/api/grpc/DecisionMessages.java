package io.authd.api.grpc;

import io.authd.api.grpc.v1.Decision;
import io.authd.api.grpc.v1.Header;
import io.authd.api.grpc.v1.Identity;
import io.authd.api.grpc.v1.Outcome;
import io.authd.api.http.WireDecision;
import io.authd.auth.HeaderField;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

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
        if (id.bearer() != null) {
            bearer(b, id.bearer());
        }
        return b.build();
    }

    private static void bearer(Identity.Builder b, WireDecision.WireBearer bearer) {
        b.setSubject(bearer.subject()).addAllScopes(bearer.scopes());
        if (bearer.issuer() != null) {
            b.setIssuer(bearer.issuer());
        }
        if (bearer.expiresAt() != null) {
            b.setExpiresAt(bearer.expiresAt());
        }
        Struct.Builder claims = Struct.newBuilder();
        bearer.claims().forEach((name, v) -> claims.putFields(name, value(v)));
        b.setClaims(claims);
    }

    /** A claim as the token's JSON had it; numbers become doubles, as JSON has no other (google.protobuf.Value). */
    private static Value value(Object v) {
        return switch (v) {
            case null -> Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
            case String s -> Value.newBuilder().setStringValue(s).build();
            case Boolean bool -> Value.newBuilder().setBoolValue(bool).build();
            case Number n -> Value.newBuilder().setNumberValue(n.doubleValue()).build();
            case java.util.Map<?, ?> map -> {
                Struct.Builder struct = Struct.newBuilder();
                map.forEach((k, item) -> struct.putFields(String.valueOf(k), value(item)));
                yield Value.newBuilder().setStructValue(struct).build();
            }
            case java.util.List<?> list -> {
                ListValue.Builder values = ListValue.newBuilder();
                list.forEach(item -> values.addValues(value(item)));
                yield Value.newBuilder().setListValue(values).build();
            }
            default -> Value.newBuilder().setStringValue(String.valueOf(v)).build();
        };
    }
}
