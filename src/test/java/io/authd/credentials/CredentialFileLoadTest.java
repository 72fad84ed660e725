package io.authd.credentials;

import io.authd.digest.HashFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static io.authd.credentials.Fixtures.MUFASA_MD5_HA1;
import static io.authd.credentials.Fixtures.SHA256_HA1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CredentialFileLoadTest {
    @TempDir
    Path dir;

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                arguments("syntax error", "version: 1\nrealms:\n  r:\n    alice: x: y\n",
                        "line 4, column 13: YAML syntax error: mapping values are not allowed here"),
                arguments("tab indentation", "version: 1\nrealms:\n\tr: {}\n", "line 3, column 1: YAML syntax error"),
                arguments("wrong hex length", ha1("SHA-256", MUFASA_MD5_HA1),
                        "realms.example.com.alice.ha1.SHA-256: expected 64 lowercase hex digits"),
                arguments("uppercase hex", ha1("MD5", MUFASA_MD5_HA1.toUpperCase()),
                        "realms.example.com.alice.ha1.MD5: expected 32 lowercase hex digits"),
                arguments("non-hex digit", ha1("MD5", "g".repeat(32)),
                        "realms.example.com.alice.ha1.MD5: expected 32 lowercase hex digits"),
                arguments("unquoted all-digit HA1", ha1Raw("MD5", "1".repeat(32)),
                        "realms.example.com.alice.ha1.MD5: expected a quoted string of 32 lowercase hex digits"),
                arguments("unknown hash function", file("bob", "ha1:\n        SHA-1: \"" + "a".repeat(40) + "\""),
                        "realms.example.com.bob.ha1.SHA-1: unknown hash function (known: MD5, SHA-256, SHA-512-256)"),
                arguments("hash function in the wrong case", ha1("md5", MUFASA_MD5_HA1),
                        "realms.example.com.alice.ha1.md5: unknown hash function"),
                arguments("unknown top-level key", "version: 1\nrealm: {}\nrealms: {}\n",
                        "realm: unknown key (known: version, realms, apiKeys)"),
                arguments("unknown user key", file("alice", "enabeld: false\n      ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "realms.example.com.alice.enabeld: unknown key (known: enabled, ha1)"),
                arguments("version 2", "version: 2\nrealms: {}\n", "version: expected 1, got 2"),
                arguments("version as a string", "version: \"1\"\nrealms: {}\n", "version: expected 1, got \"1\""),
                arguments("missing version", "realms: {}\n", "version: missing; expected 1"),
                arguments("missing realms", "version: 1\n", "realms: missing"),
                arguments("realms as a list", "version: 1\nrealms: [a]\n", "realms: expected a mapping of realm names, got a list"),
                arguments("user without ha1", file("alice", "enabled: true"), "realms.example.com.alice.ha1: missing"),
                arguments("user with empty ha1", file("alice", "ha1: {}"), "realms.example.com.alice.ha1: missing"),
                arguments("user without anything", "version: 1\nrealms:\n  example.com:\n    alice:\n",
                        "realms.example.com.alice: expected a mapping with the keys enabled and ha1, got nothing"),
                arguments("enabled not a boolean", file("alice", "enabled: 1\n      ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "realms.example.com.alice.enabled: expected true or false, got 1"),
                arguments("empty username", file("\"\"", "ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "realms.example.com.\"\": username must not be empty"),
                arguments("quote in username", file("'al\"ice'", "ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "realms.example.com.al\"ice: username must not contain '\"'"),
                arguments("username longer than a Digest client can send",
                        file("? " + "a".repeat(1025) + "\n    ", "ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "username must be at most 1024 characters"),
                arguments("username not in NFC", file("\"Ja\\u0308son\"", "ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\""),
                        "username must be in Unicode NFC"),
                arguments("control character in realm", "version: 1\nrealms:\n  \"exa\\tmple.com\": {}\n",
                        "realms.exa\\u0009mple.com: realm must not contain control characters"),
                arguments("duplicate user", file("alice", "ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\"\n    alice:\n      ha1: {}"),
                        "line 7, column 10: Duplicate field 'alice'"),
                arguments("empty file", "", "the file is empty"),
                arguments("comments only", "# nothing here\n", "the file is empty"),
                arguments("top level is a list", "- version\n", "expected a mapping with the keys version and realms"),
                arguments("two YAML documents", "version: 1\nrealms: {}\n---\nversion: 1\n", "a second YAML document"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFileFailsWithPathAndPlace(String name, String content, String expected) {
        Path file = Fixtures.write(dir.resolve("credentials.yaml"), content);

        LoadResult result = CredentialFile.load(file);

        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        assertThat(((LoadResult.Failed) result).message()).startsWith(file + ": ").contains(expected);
    }

    @Test
    void everyProblemOfAFileIsReported() {
        Path file = Fixtures.write(dir.resolve("c.yaml"), "version: 2\nrealms:\n  r:\n    a:\n      ha1:\n        MD5: x\n");

        assertThat(failure(file)).contains("version: expected 1, got 2").contains("realms.r.a.ha1.MD5: expected 32");
    }

    @Test
    void messagesNeverQuoteAnHa1() {
        String almostHa1 = "9" + MUFASA_MD5_HA1.substring(1).toUpperCase();
        Path badHex = Fixtures.write(dir.resolve("a.yaml"), ha1("MD5", almostHa1));
        Path unterminated = Fixtures.write(dir.resolve("b.yaml"),
                "version: 1\nrealms:\n  r:\n    a:\n      ha1:\n        MD5: \"" + MUFASA_MD5_HA1 + "\n");

        assertThat(failure(badHex)).doesNotContainIgnoringCase(almostHa1);
        assertThat(failure(unterminated)).contains("YAML syntax error").doesNotContain(MUFASA_MD5_HA1);
    }

    @Test
    void missingFileFailsWithAClearMessage() {
        Path file = dir.resolve("absent.yaml");

        assertThat(failure(file)).isEqualTo(file + ": file not found");
    }

    @Test
    void fileLargerThan64MiBIsRefusedBeforeReading() throws IOException {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(CredentialFile.MAX_FILE_BYTES + 1);
        }

        assertThat(failure(file)).isEqualTo(file + ": larger than the limit of 64 MiB");
    }

    @Test
    void invalidUtf8IsRefused() throws IOException {
        Path file = Files.write(dir.resolve("latin1.yaml"), new byte[] {'v', ':', ' ', (byte) 0xE4, '\n'});

        assertThat(failure(file)).isEqualTo(file + ": not valid UTF-8");
    }

    @Test
    void validFileLoadsUsersWithTheirHashFunctionsAndDefaultEnabled() {
        Path file = Fixtures.write(dir.resolve("c.yaml"), """
                # a comment
                version: 1
                realms:
                  example.com:
                    alice:
                      ha1:
                        MD5: "%s"
                        SHA-256: "%s"
                    bob:
                      enabled: false
                      ha1: {SHA-512-256: "%s"}
                  other: {}
                """.formatted(MUFASA_MD5_HA1, SHA256_HA1, Fixtures.SHA512_256_HA1));

        CredentialSnapshot snapshot = loaded(file);

        UserCredentials alice = snapshot.find("example.com", "alice").orElseThrow();
        assertThat(alice.enabled()).isTrue();
        assertThat(alice.ha1()).containsOnlyKeys(HashFunction.MD5, HashFunction.SHA_256);
        assertThat(snapshot.find("example.com", "bob").orElseThrow().enabled()).isFalse();
        assertThat(snapshot.userCount()).isEqualTo(2);
    }

    @Test
    void writtenFileReadsBackIdenticallyEvenWithNamesYamlWouldMisread() throws IOException {
        Path file = dir.resolve("c.yaml");
        CredentialSnapshot original = CredentialSnapshot.of(Stream.of("~", "null", "123", "yes", "a: b", "#x", "- x",
                        " lead", "trail ", "'q", "ключ", "[x]", "&a", "*b", "0x1F", "1e5", "true", Fixtures.JASON)
                .map(name -> new UserCredentials("realm: " + name, name,
                        java.util.Map.of(HashFunction.MD5, "1".repeat(32), HashFunction.SHA_256, "1e5" + "0".repeat(61)),
                        !name.equals("true")))
                .toList());

        CredentialFile.write(file, original);

        assertThat(loaded(file).users()).isEqualTo(original.users());
        assertThat(Files.readString(file)).startsWith(CredentialYaml.HEADER);
    }

    @Test
    void longestAllowedUsernameReadsBackAfterWriting() throws IOException {
        Path file = dir.resolve("c.yaml");
        String longest = "ü".repeat(CredentialRules.MAX_USERNAME_LENGTH);
        CredentialSnapshot original = CredentialSnapshot.of(java.util.List.of(new UserCredentials("example.com", longest,
                java.util.Map.of(HashFunction.MD5, MUFASA_MD5_HA1), true)));

        CredentialFile.write(file, original);

        assertThat(loaded(file).users()).isEqualTo(original.users());
    }

    private static String file(String user, String body) {
        return "version: 1\nrealms:\n  example.com:\n    " + user + ":\n      " + body + "\n";
    }

    private static String ha1(String token, String value) {
        return ha1Raw(token, "\"" + value + "\"");
    }

    private static String ha1Raw(String token, String value) {
        return file("alice", "ha1:\n        " + token + ": " + value);
    }

    static String failure(Path file) {
        LoadResult result = CredentialFile.load(file);
        assertThat(result).isInstanceOf(LoadResult.Failed.class);
        return ((LoadResult.Failed) result).message();
    }

    static CredentialSnapshot loaded(Path file) {
        LoadResult result = CredentialFile.load(file);
        assertThat(result).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) result).snapshot();
    }
}
