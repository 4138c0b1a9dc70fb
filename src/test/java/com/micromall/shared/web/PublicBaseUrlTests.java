package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class PublicBaseUrlTests {

    @Test
    void productionRefusesAPlainHttpAddressForMailLinks() {
        assertThatIllegalStateException().isThrownBy(() -> new PublicBaseUrl("http://shop.example.com", true))
                .withMessageContaining("MICROMALL_BASE_URL").withMessageContaining("https");
    }

    @Test
    void productionTakesAnHttpsAddressAndLocalhost() {
        assertThat(new PublicBaseUrl("https://shop.example.com/", true).url()).isEqualTo("https://shop.example.com");
        assertThat(new PublicBaseUrl("http://localhost:8080", true).url()).isEqualTo("http://localhost:8080");
        assertThat(new PublicBaseUrl("http://127.0.0.1:8080/", true).url()).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void theEmbeddedDemoTakesAnyAddress() {
        assertThat(new PublicBaseUrl("http://shop.lan:8080", false).url()).isEqualTo("http://shop.lan:8080");
    }
}
