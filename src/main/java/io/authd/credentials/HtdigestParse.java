package io.authd.credentials;

import java.util.List;

/** The outcome of reading an htdigest file: every entry, or every malformed line. */
public sealed interface HtdigestParse {

    /** One {@code user:realm:ha1} line; {@code ha1} is the MD5 HA1 in lowercase hex. */
    record Entry(String username, String realm, String ha1) {
    }

    /** All lines were well formed. */
    record Parsed(List<Entry> entries) implements HtdigestParse {
        public Parsed {
            entries = List.copyOf(entries);
        }
    }

    /** At least one line was malformed; each problem reads {@code line N: ...}. Nothing may be imported. */
    record Malformed(List<String> problems) implements HtdigestParse {
        public Malformed {
            problems = List.copyOf(problems);
        }
    }
}
