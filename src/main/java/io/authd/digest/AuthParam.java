package io.authd.digest;

/**
 * One auth-param of RFC 9110 §11.2: {@code token BWS "=" BWS ( token / quoted-string )}.
 *
 * @param name   the parameter name, lowercased (RFC 9110 §11.2: names match case-insensitively)
 * @param value  the value with quoted-pairs already unescaped
 * @param quoted whether the value was sent as a quoted-string; Digest accepts either for every directive
 *               because SIP phones and HTTP clients differ (e.g. {@code qop="auth"}, {@code algorithm="MD5"})
 */
public record AuthParam(String name, String value, boolean quoted) {
}
