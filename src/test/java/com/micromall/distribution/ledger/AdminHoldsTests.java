package com.micromall.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The owner's holds queue: held commissions with every reason in words, release and void with a reason. */
@MicromallTest
class AdminHoldsTests {

    private static final String OWNER = "owner@demo.micromall";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired DistributionSettingsService settings;

    LedgerFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    private MockHttpServletRequestBuilder owner(MockHttpServletRequestBuilder request) {
        return request.with(user(OWNER).roles("OWNER"));
    }

    /** A commission held because sharer and buyer share a device; returns its entry id. */
    private long heldEntry(TestCustomer sharer) {
        TestCustomer friend = fixtures.referredBy(sharer, "Friend");
        String hash = UUID.randomUUID().toString().replace("-", "");
        fixtures.device(sharer, hash);
        fixtures.device(friend, hash);
        long product = fixtures.orders.product("Tea", "30.00", 10);
        String number = fixtures.place(friend, product, 1);
        fixtures.complete(number);
        return jdbc.sql("SELECT id FROM commission_entry WHERE distributor_id = ? AND state = 'ON_HOLD'")
                .param(sharer.id()).query(Long.class).single();
    }

    private Document queue() throws Exception {
        return Jsoup.parse(mvc.perform(owner(get("/admin/distribution/holds"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private String state(long entryId) {
        return jdbc.sql("SELECT state FROM commission_entry WHERE id = ?").param(entryId).query(String.class).single();
    }

    @Test
    void aHeldCommissionIsListedWithDistributorOrderAmountAndTheReasonInWords() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("Held"));
        long entry = heldEntry(sharer);
        Element row = queue().selectFirst("#hold-" + entry);
        assertThat(row).isNotNull();
        assertThat(row.text()).contains(sharer.name(), "The sharer and the buyer used the same device");
        String number = jdbc.sql("SELECT order_number FROM commission_entry WHERE id = ?").param(entry)
                .query(String.class).single();
        assertThat(row.select("a[href=/admin/orders/" + number + "]")).hasSize(1);
    }

    @Test
    void everySignalFoundIsListedInWordsForTheOwnerInEachLanguage() throws Exception {
        TestCustomer sharer = fixtures.distributor(OrderFixtures.unique("AllSignals"));
        TestCustomer friend = fixtures.distributor(OrderFixtures.unique("AllFriend"));
        fixtures.bind(friend, sharer);
        String hash = UUID.randomUUID().toString().replace("-", "");
        fixtures.device(sharer, hash);
        fixtures.device(friend, hash);
        fixtures.orders.address(sharer.id());
        withdrawal(sharer, "ICBC Hangzhou, Wang Li, 6222 0000 1111 2222");
        withdrawal(friend, "icbc hangzhou wang li 6222-0000-1111-2222");

        fixtures.complete(fixtures.place(friend, Map.of(fixtures.orders.product("Vase", "90.00", 10), 1),
                "9 Saved Road", "310000"));

        long entry = jdbc.sql("SELECT id FROM commission_entry WHERE distributor_id = ? AND state = 'ON_HOLD'")
                .param(sharer.id()).query(Long.class).single();
        assertThat(reasonsInTheQueue(entry, null)).containsExactly(
                "The sharer and the buyer used the same device",
                "Shipped to the sharer's own address",
                "The sharer and the buyer gave the same payout account for withdrawals");
        assertThat(reasonsInTheQueue(entry, "zh_CN")).containsExactly(
                "分享者与买家使用同一设备", "寄送至分享者本人的地址", "分享者与买家提现时填写了同一收款账户");
        assertThat(reasonsInTheQueue(entry, "zh_TW")).hasSize(3).first().asString().contains("同一裝置");
        assertThat(reasonsInTheQueue(entry, "fil")).hasSize(3).first().asString().contains("device");
    }

    private void withdrawal(TestCustomer distributor, String accountDetails) {
        jdbc.sql("""
                INSERT INTO withdrawal (distributor_id, amount, fee, net, currency, method, account_details, state,
                    reject_reason, requested_at)
                VALUES (:d, 20.00, 0.00, 20.00, 'CNY', 'BANK', :details, 'REJECTED', 'test', :at)""")
                .param("d", distributor.id()).param("details", accountDetails)
                .param("at", Timestamp.from(Instant.now())).update();
    }

    private List<String> reasonsInTheQueue(long entryId, @Nullable String language) throws Exception {
        MockHttpServletRequestBuilder request = owner(get("/admin/distribution/holds"));
        if (language != null) {
            request.cookie(new Cookie("micromall_lang", language));
        }
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Element row = Jsoup.parse(html).selectFirst("#hold-" + entryId);
        assertThat(row).isNotNull();
        return row.select(".mm-hold-reason li").eachText();
    }

    @Test
    void releasingMovesItOutOfTheQueueAndIsAudited() throws Exception {
        long entry = heldEntry(fixtures.distributor(OrderFixtures.unique("Release")));
        mvc.perform(owner(post("/admin/distribution/holds/{id}/release", entry).with(csrf())))
                .andExpect(redirectedUrl("/admin/distribution/holds"))
                .andExpect(flash().attribute("flashSuccess", "admin.holds.released"));
        assertThat(state(entry)).isEqualTo("FROZEN");
        assertThat(queue().select("#hold-" + entry)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'distribution.entry.release' AND subject = ?")
                .param("commission_entry:" + entry).query(Long.class).single()).isEqualTo(1);
        mvc.perform(owner(post("/admin/distribution/holds/{id}/release", entry).with(csrf())))
                .andExpect(flash().attribute("flashError", "admin.holds.error.state"));
    }

    @Test
    void voidingNeedsAReasonAndThenVoidsTheEntry() throws Exception {
        long entry = heldEntry(fixtures.distributor(OrderFixtures.unique("Void")));
        mvc.perform(owner(post("/admin/distribution/holds/{id}/void", entry).param("reason", "  ").with(csrf())))
                .andExpect(flash().attribute("flashError", "admin.holds.error.reason"));
        assertThat(state(entry)).isEqualTo("ON_HOLD");
        mvc.perform(owner(post("/admin/distribution/holds/{id}/void", entry).param("reason", "x".repeat(201)).with(csrf())))
                .andExpect(flash().attribute("flashError", "admin.holds.error.reasonLong"));
        mvc.perform(owner(post("/admin/distribution/holds/{id}/void", entry).param("reason", "same household")
                        .with(csrf())))
                .andExpect(flash().attribute("flashSuccess", "admin.holds.voided"));
        assertThat(state(entry)).isEqualTo("VOID");
    }

    @Test
    void anUnknownEntryIs404AndCustomersAndMissingCsrfTokensAreRefused() throws Exception {
        mvc.perform(owner(post("/admin/distribution/holds/{id}/release", 987654321L).with(csrf())))
                .andExpect(status().isNotFound());
        mvc.perform(owner(post("/admin/distribution/holds/{id}/void", 987654321L).param("reason", "x").with(csrf())))
                .andExpect(status().isNotFound());
        long entry = heldEntry(fixtures.distributor(OrderFixtures.unique("Guarded")));
        mvc.perform(owner(post("/admin/distribution/holds/{id}/release", entry))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/distribution/holds").with(user("someone@example.com").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/distribution/holds/{id}/release", entry).with(csrf())
                .with(user("someone@example.com").roles("CUSTOMER"))).andExpect(status().isForbidden());
        assertThat(state(entry)).isEqualTo("ON_HOLD");
    }

    @Test
    void theQueueWarnsTheOwnerWhenTheMonthlyBudgetIsReached() throws Exception {
        DistributionSettings original = settings.current();
        try {
            settings.update(new DistributionSettings(original.enrolmentRule(), original.level1Percent(),
                    original.level2Percent(), original.attributionDays(), original.returnWindowDays(),
                    original.welcomeKind(), original.welcomeValue(), original.welcomeCap(),
                    original.storeCreditBonusPercent(), original.withdrawalMinimum(), original.withdrawalFeePercent(),
                    BigDecimal.ZERO, original.shareTexts()), "test");
            assertThat(queue().select("#budget-alert").text()).contains("Monthly commission budget reached");
        } finally {
            settings.update(original, "test");
        }
    }
}
