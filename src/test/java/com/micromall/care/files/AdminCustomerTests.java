package com.micromall.care.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.customer.internal.NewCustomer;
import com.micromall.support.MicromallTest;
import java.util.Locale;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@MicromallTest
class AdminCustomerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRegistration registration;

    @Test
    void theOwnerFindsCustomersByNameEmailPhoneOrWechatIdWhateverTheCase() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        CustomerPrincipal mei = registration.register(new NewCustomer("Mei Zhang" + tag, "mei." + tag + "@example.com",
                CustomerMother.PASSWORD, "+852 5555 " + tag.hashCode() % 1000, "meiWX_" + tag, null, null,
                Locale.ENGLISH));
        registration.register(new NewCustomer("Other Person", "other." + tag + "@example.com",
                CustomerMother.PASSWORD, null, null, null, null, Locale.ENGLISH));

        for (String query : new String[] {"MEI ZHANG" + tag.toUpperCase(Locale.ROOT), "Mei." + tag.toUpperCase(Locale.ROOT),
                "MEIWX_" + tag.toUpperCase(Locale.ROOT)}) {
            Document page = list(query);
            assertThat(page.select("tbody tr")).as("search %s", query).hasSize(1);
            assertThat(page.select("tbody tr td").eachText()).contains("Mei Zhang" + tag, mei.getEmail(),
                    "meiWX_" + tag);
            assertThat(page.select("tbody tr a").attr("href")).isEqualTo("/admin/customers/" + mei.getCustomerId());
        }
        assertThat(list(tag).select("tbody tr")).hasSize(2);
        assertThat(list("nobody-" + tag).select("tbody tr")).isEmpty();
        assertThat(list("%").select("tbody tr td").eachText()).as("% is a character, not a wildcard")
                .doesNotContain(mei.getEmail());
    }

    @Test
    void theListIsPagedTwentyAtATime() throws Exception {
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < CustomerListController.PAGE_SIZE + 3; i++) {
            registration.register(new NewCustomer("Pager " + i, tag + "-" + i + "@example.com",
                    CustomerMother.PASSWORD, null, null, null, null, Locale.ENGLISH));
        }
        assertThat(list(tag).select("tbody tr")).hasSize(CustomerListController.PAGE_SIZE);
        Document second = Jsoup.parse(mvc.perform(get("/admin/customers").param("q", tag).param("page", "1")
                        .with(user("owner@demo.micromall").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(second.select("tbody tr")).hasSize(3);
        mvc.perform(get("/admin/customers").param("page", "abc").with(user("owner@demo.micromall").roles("OWNER")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aScriptInACustomersNameIsShownEscapedToTheOwner() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        registration.register(new NewCustomer("<script>alert(1)</script>" + tag, "xss" + tag + "@example.com",
                CustomerMother.PASSWORD, null, null, null, null, Locale.ENGLISH));
        String html = mvc.perform(get("/admin/customers").param("q", tag)
                        .with(user("owner@demo.micromall").roles("OWNER")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;" + tag).doesNotContain("<script>alert(1)");
    }

    @Test
    void customersMayNotOpenTheOwnersPages() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Curious Customer");
        mvc.perform(get("/admin/customers").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/settings").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/customers")).andExpect(status().is3xxRedirection());
    }

    private Document list(String query) throws Exception {
        return Jsoup.parse(mvc.perform(get("/admin/customers").param("q", query)
                        .with(user("owner@demo.micromall").roles("OWNER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
