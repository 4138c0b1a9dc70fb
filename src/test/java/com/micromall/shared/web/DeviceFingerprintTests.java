package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The device and network keys are HMACs under a secret long enough not to be guessed, checked at start-up. */
class DeviceFingerprintTests {

    private static final String SECRET = "a-test-secret-of-well-over-32-bytes-length";

    private final ApplicationContextRunner context = new ApplicationContextRunner().withBean(DeviceFingerprint.class);

    @Test
    void theShopRefusesToStartWithASecretShorterThan32Bytes() {
        context.withPropertyValues("micromall.device-hash-salt=0123456789").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("micromall.device-hash-salt").hasMessageContaining("at least 32 bytes");
        });
        context.withPropertyValues("micromall.device-hash-salt=" + "x".repeat(31))
                .run(started -> assertThat(started).hasFailed());
    }

    @Test
    void theShopRefusesToStartWithoutASecret() {
        context.run(started -> assertThat(started).hasFailed());
        context.withPropertyValues("micromall.device-hash-salt=").run(started -> assertThat(started).hasFailed());
    }

    @Test
    void aSecretOf32BytesOrMoreStartsAndTheDeviceKeyIsAnHmacSha256() throws Exception {
        context.withPropertyValues("micromall.device-hash-salt=" + SECRET).run(started -> {
            assertThat(started).hasNotFailed();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(
                    mac.doFinal("device\n203.0.113.7\nTestBrowser/1.0".getBytes(StandardCharsets.UTF_8)));
            assertThat(started.getBean(DeviceFingerprint.class).hash("203.0.113.7", "TestBrowser/1.0"))
                    .isEqualTo(expected);
        });
        assertThatThrownBy(() -> new DeviceFingerprint("short")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theNetworkKeyIgnoresTheBrowserAndAnIpv6AddressCountsByIts64Prefix() {
        DeviceFingerprint fingerprint = new DeviceFingerprint(SECRET);
        assertThat(fingerprint.hash("203.0.113.7", "Firefox")).isNotEqualTo(fingerprint.hash("203.0.113.7", "Chrome"));
        assertThat(fingerprint.network("203.0.113.7")).isEqualTo(fingerprint.network("203.0.113.7"))
                .isNotEqualTo(fingerprint.network("203.0.113.8"))
                .isNotEqualTo(fingerprint.hash("203.0.113.7", ""));
        assertThat(fingerprint.network("2001:db8:1:2:aaaa::1")).isEqualTo(fingerprint.network("2001:db8:1:2:bbbb::9"))
                .isNotEqualTo(fingerprint.network("2001:db8:1:3::1"));
        assertThat(fingerprint.network("127.0.0.1")).isNull();
        assertThat(fingerprint.network("::1")).isNull();
        assertThat(fingerprint.network("0:0:0:0:0:0:0:1")).isNull();
        assertThat(new DeviceFingerprint(SECRET + "-other").network("203.0.113.7"))
                .isNotEqualTo(fingerprint.network("203.0.113.7"));
    }
}
