package io.authd.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SECURITY.md points every defence at its tests; this keeps the pointers true: each test class it names exists, and
 * each test method it names after a class, as {@code `Class` (`method`, ...)}, is declared in that class.
 */
class SecurityDocTest {
    private static final Path TESTS = Path.of("src/test/java/io/authd");
    /** {@code `lockout/LockoutEndToEndTest`} or {@code `MemoryLockoutStoreTest`}, then optionally {@code (`m1`, `m2`)}. */
    private static final Pattern REFERENCE = Pattern.compile(
            "`((?:[a-z]+/)*)([A-Z]\\w*(?:Test|Contract|Timing))`(?: \\(([^)]*)\\))?");
    private static final Pattern METHOD = Pattern.compile("`([a-z]\\w*)`");

    @Test
    void everyTestSecurityMdNamesExists() throws IOException {
        String doc = Files.readString(Path.of("SECURITY.md"));
        List<String> missing = new ArrayList<>();
        int references = 0;
        Matcher m = REFERENCE.matcher(doc);
        while (m.find()) {
            references++;
            Path source = find(m.group(1), m.group(2));
            if (source == null) {
                missing.add(m.group(1) + m.group(2));
                continue;
            }
            String text = Files.readString(source);
            Matcher methods = METHOD.matcher(m.group(3) == null ? "" : m.group(3));
            while (methods.find()) {
                if (!text.contains(" " + methods.group(1) + "(")) {
                    missing.add(m.group(2) + "." + methods.group(1));
                }
            }
        }

        assertThat(references).as("test references in SECURITY.md").isGreaterThan(30);
        assertThat(missing).as("tests SECURITY.md names that do not exist").isEmpty();
    }

    /** The class's source under its package path, or anywhere when the doc gives no path; null when absent. */
    private static Path find(String packagePath, String name) {
        if (!packagePath.isEmpty()) {
            Path p = TESTS.resolve(packagePath + name + ".java");
            return Files.exists(p) ? p : null;
        }
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.getFileName().toString().equals(name + ".java")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
