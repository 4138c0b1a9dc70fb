package com.micromall.order.web;

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
import com.micromall.support.MicromallTest;
import jakarta.servlet.http.Cookie;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** A cart line holds at most {@link CartService#MAX_QUANTITY} units, however many are asked for. */
@MicromallTest
class CartQuantityLimitTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrderFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new OrderFixtures(jdbc, encoder);
    }

    private ResultActions add(TestCustomer who, long product, String quantity) throws Exception {
        return mvc.perform(post("/cart/add").param("productId", "" + product).param("quantity", quantity)
                .param("returnTo", "product").with(user(who.principal())).with(csrf()));
    }

    private int quantityInCart(TestCustomer who, long product) {
        return jdbc.sql("""
                SELECT i.quantity FROM cart c JOIN cart_item i ON i.cart_id = c.id
                WHERE c.customer_id = :c AND i.product_id = :p""")
                .param("c", who.id()).param("p", product).query(Integer.class).single();
    }

    @Test
    void addingTheLargestNumberToALineAlreadyInTheCartCapsItAtTheMaximumWithAClearMessage() throws Exception {
        long product = fixtures.product("Plenty", "1.00", 5000);
        TestCustomer buyer = fixtures.customer("Big spender");
        add(buyer, product, "1").andExpect(flash().attribute("flashSuccess", "order.cart.added"));

        Cookie session = add(buyer, product, "2147483647")
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/products/" + product))
                .andExpect(flash().attribute("flashError", "order.cart.maxQuantity"))
                .andReturn().getResponse().getCookie("SESSION");

        assertThat(quantityInCart(buyer, product)).isEqualTo(CartService.MAX_QUANTITY);
        String page = mvc.perform(get("/products/" + product).cookie(session).with(user(buyer.principal())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select(".alert-danger").text())
                .isEqualTo("You can have at most 99 of one product in your cart.");
    }

    @Test
    void theLargestNumberOnANewLineIsCappedAtTheMaximumAndNeverAboveTheStock() throws Exception {
        long plenty = fixtures.product("Plenty too", "1.00", 5000);
        long few = fixtures.product("Few", "1.00", 7);
        TestCustomer buyer = fixtures.customer("Big asker");

        add(buyer, plenty, "2147483647").andExpect(flash().attribute("flashError", "order.cart.maxQuantity"));
        add(buyer, few, "2147483647").andExpect(flash().attribute("flashError", "order.cart.cappedAtStock"));
        add(buyer, few, "2147483647").andExpect(flash().attribute("flashError", "order.cart.cappedAtStock"));

        assertThat(quantityInCart(buyer, plenty)).isEqualTo(CartService.MAX_QUANTITY);
        assertThat(quantityInCart(buyer, few)).isEqualTo(7);
    }
}
