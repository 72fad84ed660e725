package io.authd.credentials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Known-answer values and small credentials files shared by the tests. */
final class Fixtures {
    /** MD5 HA1 of Mufasa:testrealm@host.com:Circle Of Life (RFC 2617 §3.5). */
    static final String MUFASA_MD5_HA1 = "939e7578ed9e3c518a452acee763bce9";
    static final String SHA256_HA1 = "a".repeat(64);
    static final String SHA512_256_HA1 = "b".repeat(64);

    /** The example of RFC 7616 §3.9.2, with its SHA-512-256 userhash. */
    static final String JASON = "Jäsøn Doe";
    static final String JASON_REALM = "api@example.org";
    static final String JASON_SHA512_256_USERHASH = "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b";

    private Fixtures() {
    }

    /** A file with Mufasa in testrealm@host.com, followed by {@code moreUsers} (indented as users of that realm). */
    static String mufasaFile(String moreUsers) {
        return """
                version: 1
                realms:
                  testrealm@host.com:
                    Mufasa:
                      ha1:
                        MD5: "%s"
                %s""".formatted(MUFASA_MD5_HA1, moreUsers);
    }

    /** A user entry of a realm in {@link #mufasaFile}, with an MD5 HA1. */
    static String user(String name, String md5) {
        return """
                    %s:
                      ha1:
                        MD5: "%s"
                """.formatted(name, md5);
    }

    /** A credentials file holding exactly {@code users}, written as the editor writes it. */
    static Path file(Path file, List<UserCredentials> users) {
        return write(file, new String(CredentialYaml.serialize(CredentialSnapshot.of(users)), StandardCharsets.UTF_8));
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
