package com.micromall.distribution.policy;

import com.micromall.settings.DistributionSettingsService;
import java.math.BigDecimal;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's distributor tiers (embedded default only): Bronze for everyone at the shop's rate, Silver from one
 * friend's first order, Gold from three, over 90 days. Runs before DemoOrders (30), so Chen's completed first order
 * lifts Anna to Silver through the real crediting.
 */
@Component
@Order(27)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoTiers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTiers.class);

    private final DistributorTiers tiers;
    private final DistributionSettingsService settings;

    @Override
    public void run(ApplicationArguments args) {
        if (!tiers.scheme().isEmpty()) {
            return;
        }
        BigDecimal base = settings.current().level1Percent();
        tiers.replace(DistributorTiers.Measure.FIRST_ORDERS, 90, List.of(
                new DistributorTiers.TierDraft("Bronze", BigDecimal.ZERO, base, null),
                new DistributorTiers.TierDraft("Silver", BigDecimal.ONE, base.add(new BigDecimal("2")), null),
                new DistributorTiers.TierDraft("Gold", new BigDecimal("3"), base.add(new BigDecimal("5")),
                        new BigDecimal("5"))), "demo");
        log.info("Demo tiers: Bronze, Silver from 1 first order, Gold from 3 (90 days)");
    }
}
