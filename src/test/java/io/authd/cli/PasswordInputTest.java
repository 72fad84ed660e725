package io.authd.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordInputTest {

    @Test
    void streamInputReadsExactlyOneLineWithoutItsLineBreak() throws Exception {
        InputStream in = stream("pässword\r\nnext line\n");

        assertThat(new StreamPasswordInput(in).read("ignored")).isEqualTo(new PasswordEntry.Entered("pässword"));
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("next line\n");
    }

    @Test
    void streamInputAcceptsALastLineWithoutLineBreak() {
        assertThat(new StreamPasswordInput(stream("pw")).read("")).isEqualTo(new PasswordEntry.Entered("pw"));
    }

    @Test
    void streamInputRefusesEndOfInputAnOverlongLineAndInvalidUtf8() {
        assertThat(new StreamPasswordInput(stream("")).read(""))
                .isEqualTo(new PasswordEntry.Refused("no password on standard input"));
        assertThat(new StreamPasswordInput(stream("x".repeat(StreamPasswordInput.MAX_BYTES + 1))).read(""))
                .isEqualTo(new PasswordEntry.Refused("password line longer than 4096 bytes"));
        assertThat(new StreamPasswordInput(new ByteArrayInputStream(new byte[] {(byte) 0xE4, '\n'})).read(""))
                .isEqualTo(new PasswordEntry.Refused("password on standard input is not valid UTF-8"));
    }

    @Test
    void consoleInputAsksTwiceAndRequiresAMatch() {
        List<String> prompts = new ArrayList<>();

        PasswordEntry entry = new ConsolePasswordInput(answers(prompts, "pw", "pw")).read("Password for a@r: ");

        assertThat(entry).isEqualTo(new PasswordEntry.Entered("pw"));
        assertThat(prompts).containsExactly("Password for a@r: ", "Retype password: ");
    }

    @Test
    void consoleInputRefusesAMismatchAndEndOfInput() {
        assertThat(new ConsolePasswordInput(answers(new ArrayList<>(), "pw", "wp")).read(""))
                .isEqualTo(new PasswordEntry.Refused("passwords do not match"));
        assertThat(new ConsolePasswordInput(prompt -> null).read(""))
                .isEqualTo(new PasswordEntry.Refused("no password entered"));
    }

    @Test
    void enteredPasswordIsNotPrintedByToString() {
        assertThat(new PasswordEntry.Entered("hunter2").toString()).doesNotContain("hunter2");
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.function.Function<String, char[]> answers(List<String> prompts, String... lines) {
        Deque<String> queue = new ArrayDeque<>(List.of(lines));
        return prompt -> {
            prompts.add(prompt);
            return queue.isEmpty() ? null : queue.pop().toCharArray();
        };
    }
}
