package com.micromall.customer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerMother;
import com.micromall.customer.CustomerPrincipal;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.internal.AddressBook;
import com.micromall.customer.internal.CustomerRegistration;
import com.micromall.support.MicromallTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@MicromallTest
class AccountTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerRegistration registration;

    @Autowired
    CustomerApi customers;

    @Test
    void theAccountPageNeedsALogin() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aCustomerChangesNameAndContactButNotTheEmail() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Profile Person");
        mvc.perform(post("/account/profile").with(csrf()).with(user(me))
                        .param("name", "  Renamed Person ").param("phone", "+86 138 0000 1111")
                        .param("wechatId", "renamed_wx").param("email", "hijack@example.com"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("flashSuccess", "customer.account.profileSaved"));

        CustomerProfile profile = customers.find(me.getCustomerId()).orElseThrow();
        assertThat(profile.name()).isEqualTo("Renamed Person");
        assertThat(profile.phone()).isEqualTo("+86 138 0000 1111");
        assertThat(profile.wechatId()).isEqualTo("renamed_wx");
        assertThat(profile.email()).isEqualTo(me.getEmail());
    }

    @Test
    void anInvalidProfileIsShownAgainWithMessagesAndTheTypedInput() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Careful Person");
        Document page = Jsoup.parse(mvc.perform(post("/account/profile").with(csrf()).with(user(me))
                        .param("name", "").param("phone", "not a phone").param("wechatId", "ok"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#profile-form #name-error").text()).isEqualTo("Please enter your name.");
        assertThat(page.select("#profile-form #phone-error").text()).contains("phone number");
        assertThat(page.select("#profile-form #phone").val()).isEqualTo("not a phone");
        assertThat(customers.find(me.getCustomerId()).orElseThrow().name()).isEqualTo("Careful Person");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAtLeastEightCharacters() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Password Person");

        Document wrong = Jsoup.parse(mvc.perform(post("/account/password").with(csrf()).with(user(me))
                        .param("currentPassword", "not my password").param("newPassword", "brand new secret"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrong.select("#currentPassword-error").text()).isEqualTo("That is not your current password.");
        assertThat(wrong.html()).doesNotContain("brand new secret").doesNotContain("not my password");

        Document tooShort = Jsoup.parse(mvc.perform(post("/account/password").with(csrf()).with(user(me))
                        .param("currentPassword", CustomerMother.PASSWORD).param("newPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooShort.select("#newPassword-error").text()).contains("at least 8 characters");

        mvc.perform(post("/account/password").with(csrf()).with(user(me))
                        .param("currentPassword", CustomerMother.PASSWORD).param("newPassword", "brand new secret"))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("flashSuccess", "customer.account.passwordChanged"));

        mvc.perform(formLogin("/login").userParameter("email").user(me.getEmail()).password("brand new secret"))
                .andExpect(authenticated());
        mvc.perform(formLogin("/login").userParameter("email").user(me.getEmail()).password(CustomerMother.PASSWORD))
                .andExpect(unauthenticated());
    }

    @Test
    void addressesAreAddedEditedMadeDefaultAndDeletedKeepingExactlyOneDefault() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Address Person");
        mvc.perform(address(post("/account/addresses"), "Home").with(user(me)))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("flashSuccess", "customer.address.added"));
        mvc.perform(address(post("/account/addresses"), "Office").with(user(me)))
                .andExpect(redirectedUrl("/account"));

        List<Address> two = customers.addressesOf(me.getCustomerId());
        assertThat(two).extracting(Address::recipient).containsExactly("Home", "Office");
        assertThat(two.get(0).isDefault()).as("the first address is the default").isTrue();
        long office = two.get(1).id();

        mvc.perform(get("/account/addresses/{id}/edit", office).with(user(me)))
                .andExpect(status().isOk());
        mvc.perform(address(post("/account/addresses/{id}", office), "Office 2").with(user(me)))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(post("/account/addresses/{id}/default", office).with(csrf()).with(user(me)))
                .andExpect(redirectedUrl("/account"));

        List<Address> afterDefault = customers.addressesOf(me.getCustomerId());
        assertThat(afterDefault).filteredOn(Address::isDefault).extracting(Address::recipient)
                .containsExactly("Office 2");

        mvc.perform(post("/account/addresses/{id}/delete", office).with(csrf()).with(user(me)))
                .andExpect(redirectedUrl("/account"));
        List<Address> one = customers.addressesOf(me.getCustomerId());
        assertThat(one).extracting(Address::recipient).containsExactly("Home");
        assertThat(one.get(0).isDefault()).as("the remaining address takes over the default").isTrue();

        String page = mvc.perform(get("/account").with(user(me))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Home").doesNotContain("Office 2");
    }

    @Test
    void anInvalidAddressIsShownAgainWithAMessagePerField() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Sloppy Person");
        Document page = Jsoup.parse(mvc.perform(post("/account/addresses").with(csrf()).with(user(me))
                        .param("recipient", "Sloppy").param("phone", "").param("line1", "").param("city", "Cebu")
                        .param("postalCode", "").param("country", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#phone-error").text()).contains("phone number for the courier");
        assertThat(page.select("#line1-error").text()).isEqualTo("Please enter the street address.");
        assertThat(page.select("#postalCode-error").text()).isEqualTo("Please enter the postal code.");
        assertThat(page.select("#country-error").text()).isEqualTo("Please enter the country.");
        assertThat(page.select("#city").val()).isEqualTo("Cebu");
        assertThat(customers.addressesOf(me.getCustomerId())).isEmpty();
    }

    @Test
    void someoneElsesAddressIsNotFoundForEveryAction() throws Exception {
        CustomerPrincipal owner = CustomerMother.register(registration, "Anna Owner");
        CustomerPrincipal other = CustomerMother.register(registration, "Nosy Neighbour");
        mvc.perform(address(post("/account/addresses"), "Anna's secret place").with(user(owner)));
        long annas = customers.addressesOf(owner.getCustomerId()).get(0).id();

        mvc.perform(get("/account/addresses/{id}/edit", annas).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(address(post("/account/addresses/{id}", annas), "Stolen").with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/addresses/{id}/default", annas).with(csrf()).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/account/addresses/{id}/delete", annas).with(csrf()).with(user(other)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/addresses/{id}/edit", "not-a-number").with(user(other)))
                .andExpect(status().is4xxClientError());

        assertThat(customers.addressesOf(owner.getCustomerId())).extracting(Address::recipient)
                .containsExactly("Anna's secret place");
    }

    @Test
    void aCustomerKeepsAtMostTenAddresses() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Many Homes");
        for (int i = 1; i <= AddressBook.MAX_ADDRESSES; i++) {
            mvc.perform(address(post("/account/addresses"), "Home " + i).with(user(me)))
                    .andExpect(flash().attribute("flashSuccess", "customer.address.added"));
        }
        mvc.perform(address(post("/account/addresses"), "One too many").with(user(me)))
                .andExpect(redirectedUrl("/account"))
                .andExpect(flash().attribute("flashError", "customer.address.limitReached"));
        assertThat(customers.addressesOf(me.getCustomerId())).hasSize(AddressBook.MAX_ADDRESSES)
                .filteredOn(Address::isDefault).hasSize(1);
    }

    @Test
    void accountFormsWithoutACsrfTokenAreRefused() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "Token Person");
        mvc.perform(post("/account/profile").with(user(me)).param("name", "Changed")).andExpect(status().isForbidden());
        mvc.perform(post("/account/password").with(user(me)).param("currentPassword", CustomerMother.PASSWORD)
                .param("newPassword", "whatever123")).andExpect(status().isForbidden());
        mvc.perform(post("/account/addresses").with(user(me)).param("recipient", "X")).andExpect(status().isForbidden());
        assertThat(customers.find(me.getCustomerId()).orElseThrow().name()).isEqualTo("Token Person");
    }

    @Test
    void aNameWithAScriptTagIsShownEscaped() throws Exception {
        CustomerPrincipal me = CustomerMother.register(registration, "<script>alert(1)</script>");
        String html = mvc.perform(get("/account").with(user(me))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    private static MockHttpServletRequestBuilder address(MockHttpServletRequestBuilder request, String recipient) {
        return request.with(csrf())
                .param("recipient", recipient)
                .param("phone", "+63 917 000 1234")
                .param("line1", "21 Mabini Street")
                .param("line2", "")
                .param("city", "Quezon City")
                .param("postalCode", "1100")
                .param("country", "Philippines");
    }
}
