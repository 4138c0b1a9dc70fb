package com.micromall.distribution.experiments;

import com.micromall.distribution.referral.ReferralClicks;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.settings.ShopTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo shop's running experiment (embedded default only): the shop's rate against 14 % with an 8 % welcome
 * discount, on new distributors, four weeks in. Its history is made up and seeded - 60 distributors an arm with
 * their share actions, clicks, sign-ups and friends' orders, B a little better at bringing first orders - so the
 * results page shows intervals and a reading. The made-up distributors have negative ids and no account: they live
 * only in the experiment's figures (and their clicks in referral's), never on the distributor roll.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoExperiments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExperiments.class);
    private static final int PER_ARM = 60;

    private final Experiments experiments;
    private final DistributionSettingsService settings;
    private final ReferralClicks clicks;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ShopTime shopTime;
    private final TransactionTemplate transactions;

    @Override
    public void run(ApplicationArguments args) {
        if (!experiments.all().isEmpty()) {
            return;
        }
        BigDecimal shopRate = settings.current().level1Percent();
        long id = experiments.start(new Experiments.Start("Spring: does 14 % bring more first orders?",
                Experiments.Population.NEW, new BigDecimal("40"),
                List.of(new Experiments.ArmDraft(shopRate, null, null, null),
                        new Experiments.ArmDraft(new BigDecimal("14"), WelcomeKind.PERCENT, new BigDecimal("8"), null)),
                "demo-experiment", 2026L), "demo");
        Instant now = clock.instant();
        Instant started = now.minus(Duration.ofDays(28));
        List<Arm> arms = experiments.find(id).orElseThrow().arms();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("UPDATE experiment SET started_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(started)).param("id", id).update();
            SplittableRandom random = new SplittableRandom(2026L);
            long next = -1000;
            for (Arm arm : arms) {
                boolean better = arm.position() == 1;
                for (int i = 0; i < PER_ARM; i++) {
                    long distributor = next--;
                    String code = "X" + arm.label() + String.format("%04d", i);
                    Instant joined = started.plus(Duration.ofHours(random.nextInt(24 * 20)));
                    int clickCount = random.nextInt(better ? 14 : 11);
                    int signups = 0;
                    for (int c = 0; c < clickCount; c++) {
                        if (random.nextDouble() < (better ? 0.16 : 0.12)) {
                            signups++;
                        }
                    }
                    jdbc.sql("""
                            INSERT INTO experiment_assignment (experiment_id, distributor_id, code, arm_id, assigned_at, signups)
                            VALUES (:e, :d, :code, :arm, :at, :s)""")
                            .param("e", id).param("d", distributor).param("code", code).param("arm", arm.id())
                            .param("at", Timestamp.from(joined)).param("s", signups).update();
                    for (int c = 0; c < clickCount; c++) {
                        Instant at = joined.plus(Duration.ofMinutes(random.nextInt((int) Duration.between(joined, now).toMinutes())));
                        clicks.recordForDemo(code, at, "demo-" + code + "-" + c);
                    }
                    int shares = random.nextInt(better ? 6 : 5);
                    if (shares > 0) {
                        jdbc.sql("INSERT INTO share_action (distributor_id, action_day, kind, actions) VALUES (:d, :day, 'LINK', :n)")
                                .param("d", distributor).param("day", Date.valueOf(shopTime.dayOf(joined)))
                                .param("n", shares).update();
                    }
                    if (signups == 0 && random.nextDouble() > 0.1) {
                        continue;
                    }
                    if (random.nextDouble() < (better ? 0.55 : 0.35)) {
                        int friends = 1 + random.nextInt(2);
                        for (int f = 0; f < friends; f++) {
                            BigDecimal goods = BigDecimal.valueOf(40 + random.nextInt(140)).setScale(2, RoundingMode.DOWN);
                            BigDecimal discount = arm.hasWelcome() && f == 0
                                    ? goods.multiply(arm.welcomeValue()).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN)
                                    : BigDecimal.ZERO.setScale(2);
                            BigDecimal commission = goods.subtract(discount).multiply(arm.level1Percent())
                                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                            jdbc.sql("""
                                    INSERT INTO experiment_order (order_id, arm_id, distributor_id, buyer_id, placed_at,
                                        goods, commission, discount)
                                    VALUES (:o, :arm, :d, :b, :at, :g, :c, :x)""")
                                    .param("o", distributor * 10 - f).param("arm", arm.id()).param("d", distributor)
                                    .param("b", distributor * 10 - f).param("at", Timestamp.from(joined.plus(Duration.ofDays(2))))
                                    .param("g", goods).param("c", commission).param("x", discount).update();
                        }
                    }
                }
            }
        });
        log.info("Demo experiment: {} % against 14 % with an 8 % welcome, {} made-up distributors an arm", shopRate, PER_ARM);
    }
}
