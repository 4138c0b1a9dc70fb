package com.micromall.distribution.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.distribution.ledger.LedgerFixtures;
import com.micromall.distribution.oversight.Reconciliation;
import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.order.internal.CartService;
import com.micromall.order.internal.CheckoutService;
import com.micromall.order.internal.OrderService;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import com.micromall.support.MicromallTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/** The owner's reconciliation page: owner only; says balanced with the totals, or lists each differing figure. */
@MicromallTest
class AdminReconciliationPageTests {

    private static final String PAGE = "/admin/distribution/reconciliation";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired CartService carts;
    @Autowired CheckoutService checkout;
    @Autowired OrderService orderService;
    @Autowired ShopSettingsService shopSettings;
    @Autowired Reconciliation reconciliation;

    LedgerFixtures fixtures;
    Long strayEntry;

    @BeforeEach
    void setUp() {
        fixtures = new LedgerFixtures(new OrderFixtures(jdbc, encoder), jdbc, carts, checkout, orderService);
    }

    @AfterEach
    void removeStrayEntry() {
        if (strayEntry != null) {
            jdbc.sql("DELETE FROM commission_entry WHERE id = :id").param("id", strayEntry).update();
        }
    }

    private Document page() throws Exception {
        return Jsoup.parse(mvc.perform(get(PAGE).param("lang", "en").with(user(LedgerFixtures.OWNER).roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** An AVAILABLE commission written straight into the ledger, around the app: the cached balance never heard of it. */
    private long entryBehindTheBalancesBack(long distributorId, String amount) {
        jdbc.sql("""
                INSERT INTO commission_entry (distributor_id, buyer_id, order_id, order_number, line_id, product_id, level,
                    kind, units, rate_note, amount, currency, state, unfreezes_at, created_at)
                VALUES (:d, 1, -1, 'MM-STRAY', :line, 1, 1, 'COMMISSION', 1, '10%', :amount, :currency, 'AVAILABLE', :at, :at)""")
                .param("d", distributorId)
                .param("line", 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L))
                .param("amount", new BigDecimal(amount))
                .param("currency", shopSettings.current().currency().getCurrencyCode())
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(8)))).update();
        return jdbc.sql("SELECT MAX(id) FROM commission_entry WHERE distributor_id = :d").param("d", distributorId)
                .query(Long.class).single();
    }

    @Test
    void onlyTheOwnerMaySeeTheBooks() throws Exception {
        mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        TestCustomer customer = fixtures.distributor("Curious");
        mvc.perform(get(PAGE).with(user(customer.principal()))).andExpect(status().isForbidden());
        mvc.perform(get(PAGE).with(user(LedgerFixtures.OWNER).roles("OWNER"))).andExpect(status().isOk());
    }

    @Test
    void aBalanceThatDiffersFromItsEntriesIsListedWithBothFiguresAndALinkToTheDistributor() throws Exception {
        TestCustomer anna = fixtures.distributor("Anna Stray");
        strayEntry = entryBehindTheBalancesBack(anna.id(), "12.34");

        Document page = page();

        assertThat(page.getElementById("balanced")).isNull();
        assertThat(page.getElementById("unbalanced")).isNotNull();
        Element row = page.selectFirst("tr[data-distributor=" + anna.id() + "][data-figure=available]");
        assertThat(row).as("Anna's available balance is listed").isNotNull();
        Money cached = Money.zero(shopSettings.current().currency());
        Money recomputed = Money.of(new BigDecimal("12.34"), shopSettings.current().currency());
        List<String> cells = row.select("td").eachText();
        assertThat(cells.get(1)).isEqualTo("Available");
        assertThat(cells.get(2)).isEqualTo(cached.format(Locale.ENGLISH));
        assertThat(cells.get(3)).isEqualTo(recomputed.format(Locale.ENGLISH));
        assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/distributors?q=" + anna.email());
        assertThat(page.select("tr[data-distributor=" + anna.id() + "][data-figure=identity]")).isNotEmpty();
    }

    @Test
    void thePageSaysWhatTheCheckFindsWithTheShopsTotals() throws Exception {
        TestCustomer ben = fixtures.distributor("Ben Fine");
        strayEntry = entryBehindTheBalancesBack(ben.id(), "5.00");
        fixtures.totals(ben.id());
        assertThat(reconciliation.check(List.of(ben.id())).balanced()).as("a cache rebuilt from the rows agrees").isTrue();

        Reconciliation.Result books = reconciliation.check();
        Document page = page();

        assertThat(page.getElementById("balanced") != null).isEqualTo(books.balanced());
        assertThat(page.select("tr[data-distributor=" + ben.id() + "]")).isEmpty();
        assertThat(page.getElementById("earned").text()).isEqualTo(books.shop().earned().format(Locale.ENGLISH));
        assertThat(page.getElementById("accounted-for").text())
                .isEqualTo(books.shop().accountedFor().format(Locale.ENGLISH));
    }
}
