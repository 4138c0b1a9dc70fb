package com.micromall.loyalty.vouchers;

import com.micromall.settings.ShopSettingsService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Voucher templates and vouchers for tests: a template with sensible defaults, changed one term at a time. */
final class VoucherFixtures {

    private final VoucherIssuing issuing;
    private final ShopSettingsService settings;
    private final JdbcClient jdbc;

    VoucherFixtures(VoucherIssuing issuing, ShopSettingsService settings, JdbcClient jdbc) {
        this.issuing = issuing;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /** A template being built: fixed 10.00 off everything, no minimum, 30 days, one per customer, combines. */
    final class Template {
        String name = "Test voucher " + System.nanoTime();
        VoucherTemplate.Kind kind = VoucherTemplate.Kind.FIXED;
        @Nullable BigDecimal amount = new BigDecimal("10.00");
        @Nullable BigDecimal percent;
        BigDecimal minSpend = BigDecimal.ZERO;
        int limit = 1;
        VoucherTemplate.Scope scope = VoucherTemplate.Scope.ALL;
        Set<Long> targets = Set.of();
        boolean combinesWithWelcome = true;
        boolean onRegistration;
        boolean referralReward;
        @Nullable BigDecimal maxDiscount;

        Template fixed(String value) {
            kind = VoucherTemplate.Kind.FIXED;
            amount = new BigDecimal(value);
            percent = null;
            return this;
        }

        Template percent(String value) {
            kind = VoucherTemplate.Kind.PERCENT;
            percent = new BigDecimal(value);
            amount = null;
            return this;
        }

        Template atMost(String value) {
            maxDiscount = new BigDecimal(value);
            return this;
        }

        Template minSpend(String value) {
            minSpend = new BigDecimal(value);
            return this;
        }

        Template limit(int value) {
            limit = value;
            return this;
        }

        Template scope(VoucherTemplate.Scope value, Long... ids) {
            scope = value;
            targets = Set.of(ids);
            return this;
        }

        Template notWithWelcome() {
            combinesWithWelcome = false;
            return this;
        }

        Template onRegistration() {
            onRegistration = true;
            return this;
        }

        Template referralReward() {
            referralReward = true;
            return this;
        }

        long create() {
            return issuing.create(new NewVoucherTemplate(name, kind, amount, percent, minSpend,
                    settings.current().currency(), null, null, 30, limit, scope, targets, combinesWithWelcome,
                    onRegistration, referralReward, maxDiscount));
        }
    }

    Template template() {
        return new Template();
    }

    /** Issues the template to the customer and gives the new voucher's id. */
    long voucher(long templateId, long customerId) {
        issuing.issue(templateId, List.of(customerId), null);
        return jdbc.sql("SELECT MAX(id) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c")
                .param("t", templateId).param("c", customerId).query(Long.class).single();
    }

    @Nullable Long usedOrderId(long voucherId) {
        return jdbc.sql("SELECT used_order_id FROM loyalty_voucher WHERE id = :v").param("v", voucherId)
                .query((rs, i) -> rs.getObject(1) == null ? null : rs.getLong(1)).list().get(0);
    }

    @Nullable String usedOrderNumber(long voucherId) {
        return jdbc.sql("SELECT used_order_number FROM loyalty_voucher WHERE id = :v").param("v", voucherId)
                .query((rs, i) -> rs.getString(1)).list().get(0);
    }
}
