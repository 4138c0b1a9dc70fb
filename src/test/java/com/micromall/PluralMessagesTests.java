package com.micromall;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.support.MicromallTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Messages that put a count next to a noun, rendered by the shop's own MessageSource: one of a thing
 * is singular and several are plural, in each language's own way.
 */
@MicromallTest
class PluralMessagesTests {

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Locale SIMPLIFIED = Locale.SIMPLIFIED_CHINESE;
    private static final Locale TRADITIONAL = Locale.TRADITIONAL_CHINESE;
    private static final Locale FILIPINO = Locale.forLanguageTag("fil");

    @Autowired MessageSource messages;

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Test
    void englishCountsOneThingInTheSingularAndSeveralInThePlural() {
        assertThat(say(ENGLISH, "admin.distributors.count", 0L)).isEqualTo("0 distributors");
        assertThat(say(ENGLISH, "admin.distributors.count", 1L)).isEqualTo("1 distributor");
        assertThat(say(ENGLISH, "admin.distributors.count", 2L)).isEqualTo("2 distributors");
        assertThat(say(ENGLISH, "admin.distributors.count", 1234L)).isEqualTo("1,234 distributors");
        assertThat(say(ENGLISH, "order.admin.orders.count", 1L)).isEqualTo("1 order");
        assertThat(say(ENGLISH, "order.admin.orders.count", 2L)).isEqualTo("2 orders");
        assertThat(say(ENGLISH, "admin.withdrawals.count", 1)).isEqualTo("1 withdrawal");
        assertThat(say(ENGLISH, "admin.withdrawals.count", 2)).isEqualTo("2 withdrawals");
        assertThat(say(ENGLISH, "customer.admin.count", 1L)).isEqualTo("1 customer");
        assertThat(say(ENGLISH, "customer.admin.count", 2L)).isEqualTo("2 customers");
        assertThat(say(ENGLISH, "catalog.list.count", 1L)).isEqualTo("1 product");
        assertThat(say(ENGLISH, "catalog.list.count", 2L)).isEqualTo("2 products");
        assertThat(say(ENGLISH, "distribution.dashboard.chart.signUpBar", "2 Nov", 0L))
                .isEqualTo("Week of 2 Nov: no sign-ups");
        assertThat(say(ENGLISH, "distribution.dashboard.chart.signUpBar", "2 Nov", 1L))
                .isEqualTo("Week of 2 Nov: 1 sign-up");
        assertThat(say(ENGLISH, "distribution.dashboard.chart.signUpBar", "2 Nov", 2L))
                .isEqualTo("Week of 2 Nov: 2 sign-ups");
        assertThat(say(ENGLISH, "distribution.dashboard.reason.REVERSAL", 1, 1)).endsWith(": 1 of 1 unit");
        assertThat(say(ENGLISH, "distribution.dashboard.reason.REVERSAL", 1, 2)).endsWith(": 1 of 2 units");
        assertThat(say(ENGLISH, "distribution.dashboard.reason.CLAWBACK", 1, 1))
                .contains(": 1 of 1 unit, taken back");
        assertThat(say(ENGLISH, "admin.distribution.overview.ofOrders", 1L, 1L)).isEqualTo("1 of 1 order");
        assertThat(say(ENGLISH, "admin.distribution.overview.ofOrders", 0L, 2L)).isEqualTo("0 of 2 orders");
        assertThat(say(ENGLISH, "auth.tooManyAttempts", 1L)).isEqualTo("Too many attempts. Try again in 1 minute.");
        assertThat(say(ENGLISH, "auth.tooManyAttempts", 15L)).isEqualTo("Too many attempts. Try again in 15 minutes.");
        assertThat(say(ENGLISH, "catalog.currency.blocked.prices", 1L)).isEqualTo("1 product has a price with cents.");
        assertThat(say(ENGLISH, "catalog.currency.blocked.prices", 2L)).isEqualTo("2 products have prices with cents.");
    }

    @Test
    void englishNamesACurrencyWithoutDecimalsInsteadOfAllowingZeroDecimalPlaces() {
        assertThat(say(ENGLISH, "settings.validation.shippingFee.scale", "JPY", 0))
                .isEqualTo("JPY allows only whole amounts, without decimals.");
        assertThat(say(ENGLISH, "settings.validation.shippingFee.scale", "USD", 2))
                .isEqualTo("USD allows at most 2 decimal places.");
        assertThat(say(ENGLISH, "catalog.form.price.invalid", 0)).startsWith("Enter a whole price").contains("1250");
        assertThat(say(ENGLISH, "catalog.form.price.invalid", 2)).contains("at most 2 decimals, e.g. 12.50");
        assertThat(say(ENGLISH, "settings.currency.blocked", "JPY", 0))
                .isEqualTo("The shop cannot switch to JPY yet: JPY allows only whole amounts, and these amounts"
                        + " have cents. Change them first:");
    }

    @Test
    void chineseCountsWithAMeasureWord() {
        assertThat(say(SIMPLIFIED, "admin.distributors.count", 0L)).isEqualTo("共 0 位分销员");
        assertThat(say(SIMPLIFIED, "admin.distributors.count", 1L)).isEqualTo("共 1 位分销员");
        assertThat(say(SIMPLIFIED, "admin.distributors.count", 2L)).isEqualTo("共 2 位分销员");
        assertThat(say(SIMPLIFIED, "order.admin.orders.count", 1L)).isEqualTo("共 1 个订单");
        assertThat(say(SIMPLIFIED, "admin.withdrawals.count", 0)).isEqualTo("暂无提现");
        assertThat(say(SIMPLIFIED, "catalog.list.count", 2L)).isEqualTo("共 2 件商品");
        assertThat(say(SIMPLIFIED, "distribution.dashboard.chart.signUpBar", "11/2", 0L)).isEqualTo("11/2 当周：无人注册");
        assertThat(say(SIMPLIFIED, "settings.validation.shippingFee.scale", "JPY", 0)).isEqualTo("JPY 只允许整数金额，不能带小数。");

        assertThat(say(TRADITIONAL, "admin.distributors.count", 0L)).isEqualTo("共 0 位分銷員");
        assertThat(say(TRADITIONAL, "admin.distributors.count", 1L)).isEqualTo("共 1 位分銷員");
        assertThat(say(TRADITIONAL, "admin.distributors.count", 2L)).isEqualTo("共 2 位分銷員");
        assertThat(say(TRADITIONAL, "order.admin.orders.count", 2L)).isEqualTo("共 2 個訂單");
        assertThat(say(TRADITIONAL, "distribution.dashboard.chart.signUpBar", "11/2", 1L)).isEqualTo("11/2 當週：1 人註冊");
        assertThat(say(TRADITIONAL, "catalog.form.price.invalid", 0)).startsWith("請輸入不小於 0 的整數價格");
    }

    /** Filipino keeps the noun and links a number above one with "na"; "mga" would read as "about". */
    @Test
    void filipinoLinksSeveralWithNa() {
        assertThat(say(FILIPINO, "admin.distributors.count", 0L)).isEqualTo("0 distributor");
        assertThat(say(FILIPINO, "admin.distributors.count", 1L)).isEqualTo("1 distributor");
        assertThat(say(FILIPINO, "admin.distributors.count", 2L)).isEqualTo("2 na distributor");
        assertThat(say(FILIPINO, "order.admin.orders.count", 1L)).isEqualTo("1 order");
        assertThat(say(FILIPINO, "order.admin.orders.count", 2L)).isEqualTo("2 na order");
        assertThat(say(FILIPINO, "customer.admin.count", 0L)).isEqualTo("Walang mamimili");
        assertThat(say(FILIPINO, "customer.admin.count", 2L)).isEqualTo("2 na mamimili");
        assertThat(say(FILIPINO, "admin.withdrawals.count", 1)).isEqualTo("1 hiling na withdrawal");
        assertThat(say(FILIPINO, "catalog.list.count", 2L)).isEqualTo("2 na produkto");
        assertThat(say(FILIPINO, "distribution.dashboard.chart.signUpBar", "Nob 2", 0L))
                .isEqualTo("Linggo ng Nob 2: walang nag-sign up");
        assertThat(say(FILIPINO, "settings.validation.shippingFee.scale", "USD", 2))
                .isEqualTo("Hanggang 2 desimal lang ang pinapayagan ng USD.");
    }
}
