package io.authd.credentials;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CredentialFileEditTest}: adds {@code count} users named {@code prefix-i} to a
 * credentials file, one locked edit each, so that two processes race for the same file.
 */
public final class ConcurrentAdder {
    private ConcurrentAdder() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String prefix = args[1];
        int count = Integer.parseInt(args[2]);
        for (int i = 0; i < count; i++) {
            String username = prefix + "-" + i;
            EditResult<AddResult> result = CredentialFile.edit(file,
                    s -> CredentialEditor.addOrUpdate(s, "race", username, "pw", true));
            if (!(result instanceof EditResult.Edited<AddResult>)) {
                System.err.println(result);
                System.exit(1);
            }
        }
    }
}
