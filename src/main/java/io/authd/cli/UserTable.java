package io.authd.cli;

import io.authd.credentials.UserEntry;
import io.authd.digest.HashFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Users as a table: one row per user with the hash functions it can answer with; never an HA1. */
final class UserTable {
    private static final List<String> HEADER = List.of("REALM", "USER", "ENABLED", "ALGORITHMS");

    private UserTable() {
    }

    static String of(List<UserEntry> entries) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (UserEntry e : entries) {
            String hashes = e.hashes().stream().map(HashFunction::token).collect(Collectors.joining(","));
            rows.add(List.of(e.realm(), e.username(), e.enabled() ? "yes" : "no", hashes));
        }
        int[] widths = new int[HEADER.size()];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        return rows.stream().map(row -> line(row, widths)).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Columns padded to their widest cell; the last one is not padded, so lines carry no trailing blanks. */
    private static String line(List<String> row, int[] widths) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < row.size() - 1; i++) {
            out.append(String.format("%-" + widths[i] + "s  ", row.get(i)));
        }
        return out.append(row.getLast()).toString();
    }
}
