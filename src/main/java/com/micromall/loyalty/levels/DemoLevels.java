package com.micromall.loyalty.levels;

import java.math.BigDecimal;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's member levels: Member from the first yuan, Silver and Gold low enough that the demo orders reach
 * them (Anna's two completed orders make her Gold, Chen's one Silver). Runs before the demo orders (30), so their
 * completion places the customers as a real shop's would.
 */
@Component
@Order(15)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoLevels implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLevels.class);

    private final MemberLevels levels;

    @Override
    public void run(ApplicationArguments args) {
        if (!levels.all().isEmpty()) {
            return;
        }
        levels.add(new MemberLevels.LevelTerms("Member", BigDecimal.ZERO, BigDecimal.ZERO), "demo-level-member");
        levels.add(new MemberLevels.LevelTerms("Silver", new BigDecimal("100"), new BigDecimal("3")), "demo-level-silver");
        levels.add(new MemberLevels.LevelTerms("Gold", new BigDecimal("300"), new BigDecimal("5")), "demo-level-gold");
        log.info("Demo member levels: Member, Silver (from 100), Gold (from 300)");
    }
}
