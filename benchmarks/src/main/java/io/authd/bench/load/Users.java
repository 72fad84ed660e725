package io.authd.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The users the driver logs in as, with everything about them that does not change per request computed once:
 * HA1 = H(user:realm:password) (RFC 7616 §3.4.2) and the start of the Authorization value of a verification up to
 * the nonce. Passwords are dropped after hashing and never printed.
 */
final class Users {
    final String[] names;
    /** The name as authd's JSON writes it in a Decision, with the closing quote: {@code alice"}. */
    final byte[][] userJson;
    /** Lowercase hex HA1 as ASCII bytes, ready for the response hash. */
    final byte[][] ha1Hex;
    /** {@code Digest username="..", realm="..", uri="..", algorithm=.., qop=auth, nonce="} as UTF-8 bytes. */
    final byte[][] authorizationPrefix;

    private Users(String[] names, byte[][] ha1Hex, byte[][] authorizationPrefix) {
        this.names = names;
        this.userJson = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            userJson[i] = (Text.json(names[i]) + "\"").getBytes(StandardCharsets.UTF_8);
        }
        this.ha1Hex = ha1Hex;
        this.authorizationPrefix = authorizationPrefix;
    }

    int size() {
        return names.length;
    }

    static Users load(LoadOptions o) {
        List<String> lines;
        try {
            lines = Files.readAllLines(o.usersFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadOptions.UsageException("--users-file: cannot read " + o.usersFile() + ": " + e.getMessage());
        }
        List<String> names = new ArrayList<>();
        List<byte[]> ha1s = new ArrayList<>();
        List<byte[]> prefixes = new ArrayList<>();
        MessageDigest md = o.algorithm().newDigest();
        String alg = o.algorithm().token();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // The user name cannot hold ':' (it would be ambiguous in HA1); the password may.
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new LoadOptions.UsageException(o.usersFile() + ":" + lineNo + ": expected user:password");
            }
            String user = line.substring(0, colon);
            String password = line.substring(colon + 1);
            if (user.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20 || c == 0x7f)) {
                // Such a name would need escaping in the quoted-string, which authd refuses anyway.
                throw new LoadOptions.UsageException(o.usersFile() + ":" + lineNo
                        + ": user names with '\"', '\\' or control characters are not supported");
            }
            byte[] ha1 = Text.hex(md.digest((user + ":" + o.realm() + ":" + password).getBytes(StandardCharsets.UTF_8)));
            String header = "Digest username=\"" + user + "\", realm=\"" + o.realm() + "\", uri=\"" + o.uri()
                    + "\", algorithm=" + alg + ", qop=auth, nonce=\"";
            names.add(user);
            ha1s.add(ha1);
            prefixes.add(header.getBytes(StandardCharsets.UTF_8));
        }
        if (names.isEmpty()) {
            throw new LoadOptions.UsageException("--users-file: no users in " + o.usersFile());
        }
        return new Users(names.toArray(String[]::new), ha1s.toArray(byte[][]::new), prefixes.toArray(byte[][]::new));
    }
}
