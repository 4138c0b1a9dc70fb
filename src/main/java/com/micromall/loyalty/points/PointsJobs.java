package com.micromall.loyalty.points;

import com.micromall.loyalty.PointsExpiring;
import com.micromall.settings.ShopSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The points' clock: frozen points become available when their return window is over (every ten minutes, like
 * commission), and every night points past their expiry run out and customers whose points run out within a month
 * are told, once per expiry day. Each customer in a transaction of their own, under their balance row lock.
 */
@Component
public class PointsJobs {

    private static final Logger log = LoggerFactory.getLogger(PointsJobs.class);
    private static final int CUSTOMERS_PER_READ = 500;

    private final PointsBook book;
    private final ShopSettingsService shopSettings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate eachCustomer;

    PointsJobs(PointsBook book, ShopSettingsService shopSettings, ApplicationEventPublisher events, Clock clock,
               PlatformTransactionManager transactions) {
        this.book = book;
        this.shopSettings = shopSettings;
        this.events = events;
        this.clock = clock;
        this.eachCustomer = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${micromall.loyalty.points-unfreeze-interval:PT10M}")
    @SchedulerLock(name = "loyalty.unfreezeDuePoints", lockAtMostFor = "PT2M")
    public void unfreezeDuePoints() {
        unfreezeDue(clock.instant());
    }

    /** Every frozen entry due at {@code now} becomes available; how many. */
    public int unfreezeDue(Instant now) {
        int moved = 0;
        List<Long> customers = book.customersDueToUnfreeze(now, CUSTOMERS_PER_READ);
        while (!customers.isEmpty()) {
            for (long customer : customers) {
                moved += book.unfreezeDue(customer, now);
            }
            customers = book.customersDueToUnfreeze(now, CUSTOMERS_PER_READ);
        }
        if (moved > 0) {
            log.info("Unfroze {} points entries", moved);
        }
        return moved;
    }

    @Scheduled(cron = "${micromall.loyalty.points-expiry-cron:0 30 3 * * *}")
    @SchedulerLock(name = "loyalty.expirePoints", lockAtMostFor = "PT2M")
    public void expirePoints() {
        expireDue(clock.instant());
        noticeExpiring(clock.instant());
    }

    /** Expires every customer's points due at {@code now}; how many points. */
    public long expireDue(Instant now) {
        long expired = 0;
        for (long customer : book.customersWithPointsExpiringBy(now)) {
            expired += book.expireDue(customer, now);
        }
        if (expired > 0) {
            log.info("{} points expired", expired);
        }
        return expired;
    }

    /** Tells each customer whose points run out within a month, once per first expiry day; how many were told. */
    public int noticeExpiring(Instant now) {
        ZoneId zone = shopSettings.current().timeZone();
        Instant horizon = now.atZone(zone).plusMonths(1).toInstant();
        int told = 0;
        for (long customer : book.customersWithPointsExpiringBy(horizon)) {
            Boolean sent = eachCustomer.execute(status -> {
                long available = book.lock(customer);
                PointsBook.Expiring expiring = book.expiringBy(customer, horizon);
                long points = Math.min(expiring.points(), available);
                if (points <= 0 || expiring.firstOn() == null
                        || !book.noteExpiryNotice(customer, expiring.firstOn().atZone(zone).toLocalDate(), points)) {
                    return false;
                }
                events.publishEvent(new PointsExpiring(customer, points, expiring.firstOn(), available));
                return true;
            });
            told += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return told;
    }
}
