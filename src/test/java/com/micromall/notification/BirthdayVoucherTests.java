package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.micromall.customer.CustomerPrincipal;
import com.micromall.loyalty.vouchers.BirthdayVouchers;
import com.micromall.loyalty.vouchers.NewVoucherTemplate;
import com.micromall.loyalty.vouchers.VoucherIssuing;
import com.micromall.loyalty.vouchers.VoucherTemplate;
import com.micromall.order.OrderFixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Birthday vouchers, from the owner's choice and the customer's form to the voucher and its mail: once a year, on the
 * day, to whom the owner chose; 29 February on the 28th in other years.
 */
class BirthdayVoucherTests extends MailServerTests {

    @Autowired MockMvc mvc;
    @Autowired PasswordEncoder encoder;
    @Autowired BirthdayVouchers birthdays;
    @Autowired VoucherIssuing issuing;

    OrderFixtures orders;
    long template;

    @BeforeEach
    void setUp() {
        orders = new OrderFixtures(jdbc, encoder);
        template = issuing.create(new NewVoucherTemplate(OrderFixtures.unique("Birthday cake"), VoucherTemplate.Kind.FIXED,
                new BigDecimal("15.00"), null, BigDecimal.ZERO, Currency.getInstance("CNY"), null, null, 30, 10,
                VoucherTemplate.Scope.ALL, Set.of(), true, false, false, null));
    }

    @AfterEach
    void noMoreBirthdayGift() {
        birthdays.setGift(template, false, null, "test");
    }

    private long held(long customer) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_voucher WHERE template_id = :t AND customer_id = :c")
                .param("t", template).param("c", customer).query(Long.class).single();
    }

    @Test
    void onTheDayEachCustomerGetsOneVoucherAndOneMailInTheirLanguageHoweverOftenTheJobRuns() {
        LocalDate day = LocalDate.of(2031, 6, 14);
        long lin = customer("Lin Birthday", "zh-CN");
        long noel = customer("Noel Tomorrow", "en");
        long quiet = customer("Quiet Nobirthday", "en");
        birthdays.tell(lin, MonthDay.of(6, 14));
        birthdays.tell(noel, MonthDay.of(6, 15));
        birthdays.setGift(template, true, null, "test");

        birthdays.giveOn(day);
        birthdays.giveOn(day);

        assertThat(held(lin)).isEqualTo(1);
        assertThat(held(noel)).isZero();
        assertThat(held(quiet)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(lin, "Lin Birthday，生日快乐").isEmpty());
        Mail mail = read(mailsTo(lin, "Lin Birthday，生日快乐").get(0));
        assertThat(mail.text()).contains("生日快乐").contains("有效期至");

        birthdays.giveOn(day.plusYears(1));
        assertThat(held(lin)).as("next year, the next one").isEqualTo(2);
    }

    @Test
    void aLevelsBirthdayGiftGoesToThatLevelsMembersOnlyAndNotWhileTheTemplateIsSwitchedOff() {
        long level = jdbc.sql("""
                        INSERT INTO loyalty_level (name, threshold, discount_percent, created_at)
                        VALUES (:n, 876543, 0, now()) RETURNING id""")
                .param("n", OrderFixtures.unique("Birthday Gold")).query(Long.class).single();
        long member = customer("Gold Member", "en");
        long other = customer("Not Gold", "en");
        jdbc.sql("""
                INSERT INTO loyalty_membership (customer_id, level_id, reached_at, held_until)
                VALUES (:c, :l, now(), now() + INTERVAL '1' DAY)""").param("c", member).param("l", level).update();
        birthdays.tell(member, MonthDay.of(3, 3));
        birthdays.tell(other, MonthDay.of(3, 3));
        birthdays.setGift(template, false, level, "test");
        issuing.switchTemplate(template, false, "test");

        birthdays.giveOn(LocalDate.of(2031, 3, 3));
        assertThat(held(member)).as("switched off").isZero();

        issuing.switchTemplate(template, true, "test");
        birthdays.giveOn(LocalDate.of(2031, 3, 3));
        assertThat(held(member)).isEqualTo(1);
        assertThat(held(other)).isZero();
    }

    @Test
    void someoneBornOnTheTwentyNinthOfFebruaryHasTheirVoucherOnTheTwentyEighthInOtherYears() {
        long leap = customer("Leap Day", "en");
        birthdays.tell(leap, MonthDay.of(2, 29));
        birthdays.setGift(template, true, null, "test");

        birthdays.giveOn(LocalDate.of(2031, 2, 27));
        assertThat(held(leap)).isZero();
        birthdays.giveOn(LocalDate.of(2031, 2, 28));
        assertThat(held(leap)).isEqualTo(1);
        birthdays.giveOn(LocalDate.of(2032, 2, 28));
        assertThat(held(leap)).as("2032 has a 29th").isEqualTo(1);
        birthdays.giveOn(LocalDate.of(2032, 2, 29));
        assertThat(held(leap)).isEqualTo(2);
    }

    @Test
    void theCustomerTellsTheirBirthdayAndADayNoYearHasIsShownBackWithAMessage() throws Exception {
        birthdays.setGift(template, true, null, "test");
        OrderFixtures.TestCustomer rosa = orders.customer("Rosa Form");
        Document page = Jsoup.parse(mvc.perform(get("/account/vouchers").with(user(rosa.principal()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#birthday h2").text()).isEqualTo("Your birthday");

        Document wrong = Jsoup.parse(mvc.perform(post("/account/birthday").with(user(rosa.principal())).with(csrf())
                        .locale(Locale.ENGLISH).param("month", "4").param("day", "31"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrong.select("#birthday .invalid-feedback").text()).isEqualTo("Choose a month and a day that exists in it.");
        assertThat(wrong.select("#month option[selected]").val()).isEqualTo("4");
        assertThat(wrong.select("#day option[selected]").val()).isEqualTo("31");
        assertThat(birthdays.birthdayOf(rosa.id())).isEmpty();

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/account/birthday").with(user(rosa.principal())).with(csrf())
                    .param("month", "2").param("day", "29")).andExpect(status().is3xxRedirection());
        }
        assertThat(birthdays.birthdayOf(rosa.id())).contains(MonthDay.of(2, 29));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM loyalty_birthday WHERE customer_id = :c").param("c", rosa.id())
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(post("/account/birthday").with(user(rosa.principal())).param("month", "1").param("day", "1"))
                .andExpect(status().isForbidden());
        assertThat(birthdays.birthdayOf(rosa.id())).contains(MonthDay.of(2, 29));
    }

    @Test
    void onlyTheOwnerMakesATemplateABirthdayGiftAndItIsAudited() throws Exception {
        CustomerPrincipal staff = new CustomerPrincipal(1, "staff@example.com", "x", "Staff",
                List.of(new SimpleGrantedAuthority("ROLE_STAFF")));
        mvc.perform(post("/admin/loyalty/vouchers/" + template + "/birthday").with(user(staff)).with(csrf())
                .param("birthday", "all")).andExpect(status().isForbidden());
        assertThat(birthdays.giftOf(template)).isEmpty();

        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/admin/loyalty/vouchers/" + template + "/birthday").with(user(orders.owner())).with(csrf())
                    .param("birthday", "all")).andExpect(status().is3xxRedirection());
        }
        assertThat(birthdays.giftOf(template)).contains(new BirthdayVouchers.BirthdayGift(template, null));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'loyalty.voucher.template.birthday' AND subject = :s")
                .param("s", "voucher template " + template).query(Long.class).single()).as("one change, one line").isEqualTo(1);
        Document page = Jsoup.parse(mvc.perform(get("/admin/loyalty/vouchers/" + template).with(user(orders.owner()))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#birthday option[selected]").val()).isEqualTo("all");
    }
}
