package io.authd.digest;

import io.authd.auth.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DigestUrisTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "/dir/index.html, /dir/index.html, true",
            "/dir/index.html?a=1, /dir/index.html?a=1, true",
            "/dir/index.html, /dir/other.html, false",
            "/dir/index.html?a=1, /dir/index.html?a=2, false",
            "http://www.example.com/dir/index.html, /dir/index.html, true",
            "/dir/index.html, https://www.example.com/dir/index.html, true",
            "/dir/index.html, /DIR/index.html, false",
            "'', /, false",
    })
    void httpDigestUriMustDesignateTheRequestTarget(String digestUri, String target, boolean matches) {
        assertThat(DigestUris.matches(Protocol.HTTP, digestUri, target)).isEqualTo(matches);
    }

    /** Examples of RFC 3261 §19.1.4. */
    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
            "sip:%61lice@atlanta.com;transport=TCP, sip:%61lice@atlanta.com;transport=TCP, true",
            "sip:alice@AtLanTa.CoM;Transport=tcp, sip:alice@atlanta.com;transport=TCP, true",
            "sip:carol@chicago.com, sip:carol@chicago.com;newparam=5, true",
            "sip:carol@chicago.com;security=on, sip:carol@chicago.com;newparam=5, true",
            "sip:ALICE@AtLanTa.CoM, sip:alice@atlanta.com, false",
            "sip:bob@biloxi.com, sip:bob@biloxi.com:5060, false",
            "sip:bob@biloxi.com, sip:bob@biloxi.com;transport=udp, false",
            "sip:carol@chicago.com, sip:carol@chicago.com?Subject=next%20meeting, false",
            "sip:example.com, sip:example.com, true",
            "sip:example.com, sips:example.com, false",
            "sip:example.com, tel:+1234, false",
    })
    void sipUrisCompareByRfc3261Equivalence(String a, String b, boolean matches) {
        assertThat(DigestUris.matches(Protocol.SIP, a, b)).isEqualTo(matches);
    }
}
