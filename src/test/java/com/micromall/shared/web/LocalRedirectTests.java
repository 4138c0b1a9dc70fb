package com.micromall.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalRedirectTests {

    @Test
    void pathsOnThisShopAreKept() {
        assertThat(LocalRedirect.orHome("/products/12")).isEqualTo("/products/12");
        assertThat(LocalRedirect.orHome("/checkout?step=2")).isEqualTo("/checkout?step=2");
    }

    @Test
    void anythingThatCouldLeaveTheShopLandsOnTheHomePage() {
        for (String attempt : new String[] {"//evil.com", "https://evil.com", "http://evil.com/x", "/\\evil.com",
                "evil.com", "/ok\r\nLocation: //evil", "javascript:alert(1)", "/x?u=https://evil", "", " /", null}) {
            assertThat(LocalRedirect.orHome(attempt)).as(String.valueOf(attempt)).isEqualTo("/");
        }
    }
}
