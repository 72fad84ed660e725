package io.authd.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads exactly one line from a stream (standard input without a terminal, for scripts): UTF-8, the line
 * break ({@code \n} or {@code \r\n}) removed, nothing beyond it consumed.
 */
final class StreamPasswordInput implements PasswordInput {
    /** Far above any real password; stops a mistaken pipe of a large file from being read as one. */
    static final int MAX_BYTES = 4096;

    private final InputStream in;

    StreamPasswordInput(InputStream in) {
        this.in = in;
    }

    @Override
    public PasswordEntry read(String prompt) {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b = in.read();
            if (b < 0) {
                return new PasswordEntry.Refused("no password on standard input");
            }
            for (; b >= 0 && b != '\n'; b = in.read()) {
                if (line.size() == MAX_BYTES) {
                    return new PasswordEntry.Refused("password line longer than " + MAX_BYTES + " bytes");
                }
                line.write(b);
            }
            return new PasswordEntry.Entered(decode(line.toByteArray()));
        } catch (CharacterCodingException e) {
            return new PasswordEntry.Refused("password on standard input is not valid UTF-8");
        } catch (IOException e) {
            return new PasswordEntry.Refused("cannot read standard input: " + e.getMessage());
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, end)).toString();
    }
}
