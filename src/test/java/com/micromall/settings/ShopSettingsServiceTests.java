package com.micromall.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

@MicromallTest
@Transactional
class ShopSettingsServiceTests {

    @Autowired
    ShopSettingsService settings;

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDefaultsComeFromTheDatabase() {
        ShopSettings current = settings.current();
        assertThat(current.shopName()).isEqualTo("Micromall");
        assertThat(current.currency()).isEqualTo(Currency.getInstance("CNY"));
        assertThat(current.shippingFee()).isEqualTo(Money.of("10.00", "CNY"));
    }

    @Test
    void aChangeIsStoredAndEachChangedFieldIsAudited() {
        int before = auditCount();
        ShopSettings current = settings.current();

        settings.update(new ShopSettingsChange("Anna's Beauty Studio", current.currency(), "  hello@anna.example ",
                current.contactPhone(), new BigDecimal("8.5"), current.chosenTimeZone()), "owner@demo.micromall");

        ShopSettings after = settings.current();
        assertThat(after.shopName()).isEqualTo("Anna's Beauty Studio");
        assertThat(after.contactEmail()).isEqualTo("hello@anna.example");
        assertThat(after.shippingFee()).isEqualTo(Money.of("8.50", "CNY"));
        assertThat(auditCount() - before).as("name, e-mail and fee changed; currency and phone did not").isEqualTo(3);
        assertThat(auditLog.latest(3)).extracting(AuditLog.Entry::subject)
                .containsExactlyInAnyOrder("shopName", "contactEmail", "shippingFee");
        assertThat(auditLog.latest(3)).allSatisfy(entry -> assertThat(entry.actor()).isEqualTo("owner@demo.micromall"));
        assertThat(auditLog.latest(3)).anySatisfy(entry -> {
            assertThat(entry.subject()).isEqualTo("shippingFee");
            assertThat(entry.oldValue()).isEqualTo("10.00");
            assertThat(entry.newValue()).isEqualTo("8.50");
        });
    }

    @Test
    void savingAnUntouchedFormWritesNoAuditLine() {
        int before = auditCount();
        ShopSettings current = settings.current();
        settings.update(new ShopSettingsChange(current.shopName(), current.currency(), current.contactEmail(),
                current.contactPhone(), current.shippingFee().amount(), current.chosenTimeZone()), "owner@demo.micromall");
        assertThat(auditCount()).isEqualTo(before);
    }

    @Test
    void theServiceItselfRefusesACurrencyThatAStoredPriceDoesNotFitAndChangesNothing() {
        ShopSettings current = settings.current();
        int before = auditCount();
        jdbc.sql("INSERT INTO product (name, price, stock, created_at) VALUES ('Cents tea', 12.50, 1, CURRENT_TIMESTAMP)")
                .update();
        ShopSettingsChange toYen = new ShopSettingsChange("Tokyo Shop", Currency.getInstance("JPY"),
                current.contactEmail(), current.contactPhone(), new BigDecimal("500"), current.chosenTimeZone());

        assertThatThrownBy(() -> settings.update(toYen, "owner@demo.micromall"))
                .isInstanceOfSatisfying(CurrencyChangeRefused.class, refused -> assertThat(refused.getProblems())
                        .extracting(problem -> problem.getCodes()[0]).contains("catalog.currency.blocked.prices"));

        assertThat(jdbc.sql("SELECT currency FROM shop_settings").query(String.class).single())
                .isEqualTo(current.currency().getCurrencyCode());
        assertThat(auditCount()).isEqualTo(before);
    }

    private int auditCount() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Integer.class).single();
    }
}
