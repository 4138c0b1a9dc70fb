package com.micromall.distribution.ledger;

import com.micromall.distribution.referral.ReferralSource;
import com.micromall.distribution.referral.ReferralBindings;
import com.micromall.distribution.referral.DistributorEnrolment;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.Browser;
import com.micromall.support.BrowserTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The checkout line of a capped welcome gift states the cap the invitation banner promised, in every language. */
@BrowserTest
class FriendsGiftBrowserTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired DistributorEnrolment enrolment;
    @Autowired ReferralBindings bindings;
    @Autowired CartService carts;
    @Autowired DistributionSettingsService settings;

    DistributionSettings original;

    @BeforeEach
    void capTheWelcomeGift() {
        original = settings.current();
        DistributionSettings s = original;
        settings.update(new DistributionSettings(s.enrolmentRule(), s.level1Percent(), s.level2Percent(),
                s.attributionDays(), s.returnWindowDays(), DistributionSettings.WelcomeKind.PERCENT, new BigDecimal("10"),
                new BigDecimal("5.00"), s.storeCreditBonusPercent(), s.withdrawalMinimum(), s.withdrawalFeePercent(),
                s.monthlyBudget(), s.shareTexts()), "test");
    }

    @AfterEach
    void restore() {
        settings.update(original, "test");
    }

    @Test
    void theCheckoutLineOfACappedWelcomeGiftStatesItsCapInEveryLanguage() {
        OrderFixtures fixtures = new OrderFixtures(jdbc, encoder);
        long sharer = fixtures.customer("Anna Capped").id();
        TestCustomer friend = fixtures.customer("Ben Capped");
        assertThat(bindings.bind(friend.id(), enrolment.enrolActive(sharer).code(), ReferralSource.LINK, null))
                .isEqualTo(ReferralBindings.BindingOutcome.BOUND);
        carts.add(CartService.CartKey.customer(friend.id()), fixtures.product("Capped teapot", "100.00", 10), 1);

        Map<String, String> capStated = Map.of("en", "up to CN¥5.00", "zh_CN", "最多", "zh_TW", "最多",
                "fil", "hanggang");
        try (Browser browser = new Browser()) {
            browser.logIn(url(""), friend.email(), friend.password());
            for (var language : capStated.entrySet()) {
                browser.driver().get(url("/checkout?lang=" + language.getKey()));
                String summary = browser.driver().findElement(By.cssSelector(".mm-summary")).getText().replace('\u00a0', ' ');
                assertThat(summary).as(language.getKey()).contains("10").contains(language.getValue()).contains("5.00");
                browser.screenshot("facts-checkout-capped-" + language.getKey(), 360);
                browser.screenshot("facts-checkout-capped-" + language.getKey(), Browser.DESKTOP_WIDTH);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
