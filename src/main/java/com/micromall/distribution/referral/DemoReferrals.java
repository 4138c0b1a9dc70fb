package com.micromall.distribution.referral;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.RewardForm;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettingsService;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's referral chain (embedded default only): every demo customer is a distributor;
 * Ben and Chen were invited by Anna, Dina by Ben. The demo shop offers all three reward forms and Ben takes points, so
 * Dina's completed order shows commission paid as points. Runs after DemoCustomers (20), before DemoOrders (30).
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoReferrals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

    /** The demo owner's ready-made messages, so the share card shows some. */
    private static final String DEMO_SHARE_TEXTS = """
            I buy my skin care here and love it. Your first order is cheaper through my link: {link}
            Micromall has small-batch goods I trust. Have a look: {link}
            """;

    private final DistributorEnrolment enrolment;
    private final ReferralBindings bindings;
    private final CustomerApi customers;
    private final DistributionSettingsService settings;
    private final RewardForms rewardForms;
    private final DistributorChoices choices;

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> anna = demo("anna");
        Optional<Long> ben = demo("ben");
        Optional<Long> chen = demo("chen");
        Optional<Long> dina = demo("dina");
        if (anna.isEmpty() || ben.isEmpty() || chen.isEmpty() || dina.isEmpty()) {
            return;
        }
        String annaCode = enrolment.enrolActive(anna.get()).code();
        String benCode = enrolment.enrolActive(ben.get()).code();
        enrolment.enrolActive(chen.get());
        enrolment.enrolActive(dina.get());
        bindings.bind(ben.get(), annaCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        bindings.bind(chen.get(), annaCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        bindings.bind(dina.get(), benCode, ReferralSource.TYPED_AT_REGISTRATION, null);
        log.info("Demo referrals: Ben and Chen invited by Anna, Dina by Ben");
        rewardForms.change(new RewardForms.Rules(EnumSet.allOf(RewardForm.class), new BigDecimal("30")), "demo");
        choices.chooseRewardForm(ben.get(), RewardForm.POINTS, "demo");
        DistributionSettings rules = settings.current();
        if (rules.shareTexts() == null) {
            settings.update(new DistributionSettings(rules.enrolmentRule(), rules.level1Percent(), rules.level2Percent(),
                    rules.attributionDays(), rules.returnWindowDays(), rules.welcomeKind(), rules.welcomeValue(),
                    rules.welcomeCap(), rules.storeCreditBonusPercent(), rules.withdrawalMinimum(),
                    rules.withdrawalFeePercent(), rules.monthlyBudget(), DEMO_SHARE_TEXTS), "demo");
        }
    }

    /** Demo accounts are looked up by their fixed e-mail. */
    Optional<Long> demo(String name) {
        return customers.findByEmail(name + "@demo.micromall").map(CustomerProfile::id);
    }
}
