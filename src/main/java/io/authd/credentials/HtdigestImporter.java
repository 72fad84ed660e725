package io.authd.credentials;

import io.authd.digest.HashFunction;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports an Apache htdigest file: lines {@code user:realm:ha1} where ha1 is the MD5 H(user:realm:password)
 * in lowercase hex (RFC 2617 §3.2.2.2). Blank lines and {@code #} comments are skipped. One malformed line
 * rejects the whole file, so that an import is all or nothing.
 *
 * <p>An imported user gets the MD5 HA1 only, and it <em>replaces</em> all HA1s the user had: the htdigest
 * file is the source of truth for that user's password. Keeping, say, a SHA-256 HA1 computed from an older
 * password would let the old password in through SHA-256 and the new one through MD5. The enabled flag of
 * an existing user is kept: htdigest has no such notion.
 */
public final class HtdigestImporter {
    /** Beyond this many malformed lines only a count is reported: the file is probably not htdigest at all. */
    static final int MAX_REPORTED = 20;

    private HtdigestImporter() {
    }

    /** Reads and parses {@code file}; an unreadable file is reported as a problem like a malformed line. */
    public static HtdigestParse read(Path file) {
        try {
            return parse(SafeFiles.utf8(SafeFiles.read(file, CredentialFile.MAX_FILE_BYTES)));
        } catch (IOException e) {
            return new HtdigestParse.Malformed(List.of(SafeFiles.describe(e)));
        }
    }

    public static HtdigestParse parse(String content) {
        List<HtdigestParse.Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<List<String>, Integer> seen = new HashMap<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            Optional<String> problem = problem(fields, number, seen);
            if (problem.isPresent()) {
                problems.add("line " + number + ": " + problem.get());
            } else {
                entries.add(new HtdigestParse.Entry(fields[0], fields[1], fields[2]));
            }
        }
        return problems.isEmpty() ? new HtdigestParse.Parsed(entries) : new HtdigestParse.Malformed(capped(problems));
    }

    /**
     * Adds the entries of {@code realm} (all entries when it is null) to {@code current}, replacing the HA1s of
     * existing users.
     */
    public static ImportResult apply(CredentialSnapshot current, List<HtdigestParse.Entry> entries, String realm) {
        List<UserCredentials> imported = new ArrayList<>();
        int replaced = 0;
        for (HtdigestParse.Entry e : entries) {
            if (realm == null || realm.equals(e.realm())) {
                Optional<UserCredentials> existing = current.find(e.realm(), e.username());
                replaced += existing.isPresent() ? 1 : 0;
                boolean enabled = existing.map(UserCredentials::enabled).orElse(true);
                imported.add(new UserCredentials(e.realm(), e.username(), Map.of(HashFunction.MD5, e.ha1()), enabled));
            }
        }
        return new ImportResult(current.withAll(imported), imported.size() - replaced, replaced,
                entries.size() - imported.size());
    }

    /** What is wrong with the fields of line {@code number}, if anything; {@code seen} maps (user, realm) to a line. */
    private static Optional<String> problem(String[] fields, int number, Map<List<String>, Integer> seen) {
        if (fields.length != 3) {
            return Optional.of("expected user:realm:ha1, found " + fields.length + " field(s) separated by ':'");
        }
        Optional<String> problem = CredentialRules.usernameProblem(fields[0])
                .or(() -> CredentialRules.realmProblem(fields[1]))
                .or(() -> CredentialRules.ha1Problem(HashFunction.MD5, fields[2]).map(p -> "ha1: " + p));
        if (problem.isPresent()) {
            return problem;
        }
        Integer first = seen.putIfAbsent(List.of(fields[0], fields[1]), number);
        return first == null ? Optional.empty() : Optional.of("user " + CredentialRules.printable(fields[0])
                + " in realm " + CredentialRules.printable(fields[1]) + " already on line " + first);
    }

    private static List<String> capped(List<String> problems) {
        if (problems.size() <= MAX_REPORTED) {
            return problems;
        }
        List<String> shown = new ArrayList<>(problems.subList(0, MAX_REPORTED));
        shown.add("and " + (problems.size() - MAX_REPORTED) + " more malformed lines");
        return shown;
    }
}
