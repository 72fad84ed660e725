package io.authd.nonce;

import io.authd.config.Mode;
import io.authd.config.NonceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonceKeyRingsTest {
    private static final String KEY = "7:" + Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void productionModeRefusesToStartWithoutAKeyRing() {
        assertThatThrownBy(() -> NonceKeyRings.load(new NonceOptions(null, null), Mode.PRODUCTION))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("production mode needs nonce.keyFile");
    }

    @Test
    void demoModeGeneratesAThrowawayKey() {
        assertThat(NonceKeyRings.load(new NonceOptions(null, null), Mode.DEMO).keys()).hasSize(1);
    }

    @Test
    void keysComeFromTheInlineValue() {
        assertThat(NonceKeyRings.load(new NonceOptions(null, KEY), Mode.PRODUCTION).signingKey(0).id()).isEqualTo(7);
    }

    @Test
    void keysComeFromTheKeyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys");
        Files.writeString(file, "# mounted from a Secret\n" + KEY + "\n");
        assertThat(NonceKeyRings.load(new NonceOptions(file, null), Mode.PRODUCTION).key(7)).isNotNull();
    }

    @Test
    void unreadableOrInvalidKeyFileStopsTheStartNamingTheSource(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> NonceKeyRings.load(new NonceOptions(dir.resolve("missing"), null), Mode.PRODUCTION))
                .hasMessageContaining("nonce.keyFile");
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "1:tooshort");
        assertThatThrownBy(() -> NonceKeyRings.load(new NonceOptions(bad, null), Mode.PRODUCTION))
                .hasMessageContaining("nonce.keyFile").hasMessageContaining("at least 32 bytes");
    }
}
