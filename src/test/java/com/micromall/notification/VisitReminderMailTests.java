package com.micromall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.settings.ShopSettingsService;
import com.micromall.support.MicromallTest;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The return-visit reminder reads in the customer's language and names the product, the day and the purpose. */
@MicromallTest
class VisitReminderMailTests {

    @Autowired MailRenderer renderer;
    @Autowired ShopSettingsService shopSettings;

    @Test
    void theReminderNamesTheProductTheDayAndWhatTheVisitIsFor() {
        Map<String, Object> model = Map.of("customerName", "Anna", "productName", "Smart Lock",
                "description", "Free maintenance check", "dueAt", Instant.parse("2026-12-08T00:00:00Z"),
                "actionUrl", "https://shop.example/orders");
        RenderedMail english = renderer.render("visit-reminder", Locale.ENGLISH, shopSettings.current(),
                "mail.subject.visitReminder", new Object[] {"Free maintenance check"}, new java.util.HashMap<>(model));
        assertThat(english.subject()).endsWith("Your return visit is coming up: Free maintenance check");
        assertThat(english.html()).contains("Smart Lock", "Free maintenance check", "https://shop.example/orders");
        assertThat(english.text()).contains("Smart Lock", "Free maintenance check");

        RenderedMail chinese = renderer.render("visit-reminder", Locale.SIMPLIFIED_CHINESE, shopSettings.current(),
                "mail.subject.visitReminder", new Object[] {"免费保养检查"}, new java.util.HashMap<>(model));
        assertThat(chinese.subject()).endsWith("您的回访即将到来：免费保养检查");
        assertThat(chinese.text()).contains("我们将于", "Smart Lock");
    }
}
