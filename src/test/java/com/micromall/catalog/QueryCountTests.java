package com.micromall.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.order.OrderFixtures;
import com.micromall.order.OrderFixtures.TestCustomer;
import com.micromall.support.MicromallTest;
import com.micromall.support.QueryCounter;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Pins the number of SQL statements per page: a list page must not issue one query per product
 * (N+1), and the shop's busiest pages must stay within their budget. A failure here means a change
 * added queries to a hot page: look at the statements in the message, then fix the code or, if the
 * query is really needed, raise the budget on purpose. Budgets are for a visitor/customer with no
 * referral cookie; see BENCHMARKS.md for the figures at scale.
 */
@MicromallTest
class QueryCountTests {

    /** Shop settings, category by slug, one page of products, their count, their first pictures, all categories. */
    static final int PRODUCT_LIST_BUDGET = 6;
    /** The list's reads together (Storefront.listing), the shop settings for its prices among them. */
    static final int PRODUCT_LIST_TRANSACTIONS = 1;
    /**
     * Shop settings, the product with its category, its pictures, its group-buy offer (one look-up by the unique
     * product id), and saving a new session (2). The session is
     * MockMvc's: its csrf() helper, used by other tests of this shared context, keeps the add-to-cart form's token
     * in the session; the real server keeps it in a cookie and writes nothing (VisitorSessionTests).
     */
    static final int PRODUCT_PAGE_BUDGET = 6;
    /** Shop settings, categories, newest products, their count, their first pictures. */
    static final int HOME_BUDGET = 5;
    /** Cart count, shop settings, the cart (2: its lines, their products), and saving a new session (2). */
    static final int CART_BUDGET = 6;

    /**
     * Shop settings (the price's currency), the product, the cart (found, made, found again), its line (read,
     * updated, added), the cart's time, and saving a new session (2). Not the header's cart count: the page after
     * the redirect reads it.
     */
    static final int ADD_TO_CART_BUDGET = 11;
    /**
     * Shop settings, the cart (2), the discounts (the buyer's referrer, their store credit, whether they are a
     * distributor, their member level, their points balance), the saved addresses, the header's cart count, and saving a
     * new session (2).
     */
    static final int CHECKOUT_PAGE_BUDGET = 11;
    /**
     * For one line, typed address: the customer's cart row locked (one checkout per customer at a time), the
     * double-submit check (the order by its token), the buyer, shop settings, the
     * cart (2), the discounts (4, as on the page), the stock, a free order number, the order with its first status
     * and its line (3), keeping the typed address in the customer's address book (3: their row locked, their
     * addresses, the new one), two event publications, emptying the cart (2), and the commission snapshot, taken in
     * the placing transaction so it holds the rates in force when the order was placed (2 for a buyer nobody invited),
     * and the order's staff member: their code and whether the shop pays staff commission on it (2).
     */
    static final int PLACE_ORDER_BUDGET = 25;
    /** The header's cart count (CartService.count). */
    static final String CART_COUNT = "COALESCE(SUM(i.quantity), 0)";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired QueryCounter queries;

    CatalogFixtures catalog;
    OrderFixtures orders;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(jdbc);
        orders = new OrderFixtures(jdbc, encoder);
    }

    @Test
    void theProductListIssuesTheSameStatementsForTwoAndForTwentyPicturedProducts() {
        String few = categoryWithPicturedProducts(2);
        String many = categoryWithPicturedProducts(20);

        List<String> forFew = statementsOf(get("/products?category=" + few));
        List<String> forMany = statementsOf(get("/products?category=" + many));
        List<String> forManySecondPage = statementsOf(get("/products?category=" + many + "&page=2"));

        // Spring Data skips the count query when the first page is not full (2 products): apart from it, the same.
        assertThat(withoutCount(forMany)).as("statements for 20 products vs for 2").hasSameSizeAs(withoutCount(forFew));
        assertThat(withoutCount(forManySecondPage)).hasSameSizeAs(withoutCount(forMany));
        assertThat(forMany).as("product list statements").hasSizeLessThanOrEqualTo(PRODUCT_LIST_BUDGET);
    }

    @Test
    void theProductListReadsInOneTransaction() {
        String slug = categoryWithPicturedProducts(3);

        assertThat(queries.commits(() -> mvc.perform(get("/products?category=" + slug)).andExpect(status().isOk())))
                .as("transactions of a product list view").isEqualTo(PRODUCT_LIST_TRANSACTIONS);
    }

    @Test
    void aSearchWithNoHitsStaysWithinTheListBudget() {
        assertThat(statementsOf(get("/products?q=" + CatalogFixtures.token()))).hasSizeLessThanOrEqualTo(PRODUCT_LIST_BUDGET);
    }

    @Test
    void theProductPageIssuesTheSameStatementsForOneAndForFivePictures() {
        long one = catalog.product("One picture " + CatalogFixtures.token(), null, "5.00", 10);
        catalog.image(one, CatalogFixtures.png(2, 2));
        long five = catalog.product("Five pictures " + CatalogFixtures.token(), catalog.category("Pics").id(), "5.00", 10);
        for (int i = 0; i < 5; i++) {
            catalog.image(five, CatalogFixtures.png(2, 2));
        }

        List<String> forOne = statementsOf(get("/products/" + one));
        List<String> forFive = statementsOf(get("/products/" + five));

        assertThat(forFive).as("statements for 5 pictures (and a category) vs 1").hasSameSizeAs(forOne);
        assertThat(forFive).as("product page statements").hasSizeLessThanOrEqualTo(PRODUCT_PAGE_BUDGET);
    }

    @Test
    void theHomePageStaysWithinItsBudgetHoweverManyProductsAreNew() {
        categoryWithPicturedProducts(1);
        List<String> before = statementsOf(get("/"));
        categoryWithPicturedProducts(9);

        List<String> after = statementsOf(get("/"));

        assertThat(withoutCount(after)).as("home statements with 9 more new pictured products vs 1")
                .hasSameSizeAs(withoutCount(before));
        assertThat(after).as("home statements").hasSizeLessThanOrEqualTo(HOME_BUDGET);
    }

    @Test
    void theCartIssuesTheSameStatementsForOneAndForSixLines() throws Exception {
        TestCustomer small = orders.customer("Small cart");
        TestCustomer big = orders.customer("Big cart");
        addToCart(small, catalog.product("Cart " + CatalogFixtures.token(), null, "3.00", 50));
        for (int i = 0; i < 6; i++) {
            addToCart(big, catalog.product("Cart " + CatalogFixtures.token(), null, "3.00", 50));
        }

        List<String> forOne = statementsOf(get("/cart").with(user(small.principal())));
        List<String> forSix = statementsOf(get("/cart").with(user(big.principal())));

        assertThat(forSix).as("cart statements for 6 lines vs 1").hasSameSizeAs(forOne);
        assertThat(forSix).as("cart statements").hasSizeLessThanOrEqualTo(CART_BUDGET);
    }

    @Test
    void aFormPostThatRedirectsReadsNothingForTheLayout() {
        TestCustomer customer = orders.customer("Redirected");
        long product = catalog.product("Redirect " + CatalogFixtures.token(), null, "3.00", 50);

        List<String> added = queries.record(() -> addToCart(customer, product));
        List<String> renamed = queries.record(() -> mvc.perform(post("/account/profile").with(user(customer.principal()))
                .with(csrf()).param("name", "Renamed")).andExpect(status().is3xxRedirection()));

        assertThat(added).as("add to cart, then redirect").hasSizeLessThanOrEqualTo(ADD_TO_CART_BUDGET)
                .noneMatch(sql -> sql.contains(CART_COUNT));
        assertThat(renamed).as("profile saved, then redirect").isNotEmpty()
                .noneMatch(sql -> sql.contains(CART_COUNT)).noneMatch(sql -> sql.contains("shop_settings"));
    }

    @Test
    void theCheckoutPageAndPlacingTheOrderStayWithinTheirBudgets() throws Exception {
        TestCustomer customer = orders.customer("Budget buyer");
        addToCart(customer, catalog.product("Checkout " + CatalogFixtures.token(), null, "3.00", 50));
        String[] token = new String[1];

        List<String> page = queries.record(() -> token[0] = Jsoup.parse(mvc.perform(get("/checkout")
                        .with(user(customer.principal()))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).selectFirst("input[name=checkoutToken]").val());
        List<String> place = queries.record(() -> mvc.perform(post("/checkout").with(user(customer.principal()))
                .with(csrf()).param("checkoutToken", token[0]).param("paymentMethod", "BANK_TRANSFER")
                .param("recipient", "Budget Buyer").param("phone", "555").param("line1", "1 Road").param("city", "Suzhou")
                .param("postalCode", "215000").param("country", "China"))
                .andExpect(redirectedUrlPattern("/orders/*/confirmation")));

        assertThat(page).as("checkout page statements").hasSizeLessThanOrEqualTo(CHECKOUT_PAGE_BUDGET);
        assertThat(place).as("place order statements").hasSizeLessThanOrEqualTo(PLACE_ORDER_BUDGET);
    }

    private static List<String> withoutCount(List<String> statements) {
        return statements.stream().filter(sql -> !sql.startsWith("select count(")).toList();
    }

    private String categoryWithPicturedProducts(int count) {
        CatalogFixtures.CategoryRow category = catalog.category("Counted");
        for (int i = 0; i < count; i++) {
            long product = catalog.product("Counted " + CatalogFixtures.token(), category.id(), "9.00", 20);
            catalog.image(product, CatalogFixtures.png(2, 2));
        }
        return category.slug();
    }

    private void addToCart(TestCustomer customer, long product) throws Exception {
        mvc.perform(post("/cart/add").param("productId", Long.toString(product)).param("quantity", "1")
                .with(user(customer.principal())).with(csrf())).andExpect(status().is3xxRedirection());
    }

    /** The statements one request issued (on the request's thread), after checking it answered 200. */
    private List<String> statementsOf(RequestBuilder request) {
        return queries.record(() -> mvc.perform(request).andExpect(status().isOk()));
    }
}
