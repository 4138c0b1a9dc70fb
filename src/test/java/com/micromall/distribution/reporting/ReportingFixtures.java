package com.micromall.distribution.reporting;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings reporting's rows of one distributor up to date with bindings, clicks and orders that tests wrote around
 * the app (straight into referral's and order's tables, so no event told reporting). Test support only: the app
 * keeps these rows from events.
 */
public final class ReportingFixtures {

    private ReportingFixtures() {
    }

    public static void rebuild(JdbcClient jdbc, long distributorId) {
        jdbc.sql("INSERT INTO report_distributor (customer_id) VALUES (:d) ON CONFLICT DO NOTHING")
                .param("d", distributorId).update();
        jdbc.sql("""
                UPDATE report_distributor SET
                    name = (SELECT c.name FROM customer c WHERE c.id = :d),
                    email = (SELECT c.email FROM customer c WHERE c.id = :d),
                    phone = (SELECT c.phone FROM customer c WHERE c.id = :d),
                    wechat_id = (SELECT c.wechat_id FROM customer c WHERE c.id = :d),
                    code = (SELECT x.code FROM distributor x WHERE x.customer_id = :d),
                    status = (SELECT x.status FROM distributor x WHERE x.customer_id = :d)
                WHERE customer_id = :d""").param("d", distributorId).update();
        jdbc.sql("""
                INSERT INTO report_customer (customer_id)
                SELECT b.referee_id FROM referral_binding b WHERE b.referrer_id = :d
                ON CONFLICT DO NOTHING""").param("d", distributorId).update();
        jdbc.sql("""
                UPDATE report_customer SET referrer_id = :d,
                    bound_at = (SELECT b.bound_at FROM referral_binding b WHERE b.referee_id = report_customer.customer_id),
                    through_link = (SELECT CASE WHEN b.source = 'LINK' THEN TRUE ELSE FALSE END FROM referral_binding b
                                    WHERE b.referee_id = report_customer.customer_id)
                WHERE customer_id IN (SELECT referee_id FROM referral_binding WHERE referrer_id = :d)""")
                .param("d", distributorId).update();
        jdbc.sql("""
                UPDATE report_order SET referrer_id = :d
                WHERE buyer_id IN (SELECT referee_id FROM referral_binding WHERE referrer_id = :d)""")
                .param("d", distributorId).update();
        jdbc.sql("""
                UPDATE report_customer SET
                    counted_orders = (SELECT COUNT(*) FROM report_order o
                                      WHERE o.buyer_id = report_customer.customer_id AND o.cancelled = FALSE),
                    first_order_at = (SELECT MIN(o.placed_at) FROM report_order o
                                      WHERE o.buyer_id = report_customer.customer_id AND o.cancelled = FALSE)
                WHERE referrer_id = :d""").param("d", distributorId).update();
        jdbc.sql("""
                UPDATE report_distributor SET
                    referred = (SELECT COUNT(*) FROM report_customer c WHERE c.referrer_id = :d),
                    through_link = (SELECT COUNT(*) FROM report_customer c WHERE c.referrer_id = :d AND c.through_link = TRUE),
                    ordering = (SELECT COUNT(*) FROM report_customer c WHERE c.referrer_id = :d AND c.counted_orders > 0),
                    orders = (SELECT COUNT(*) FROM report_order o WHERE o.referrer_id = :d AND o.cancelled = FALSE),
                    gmv = (SELECT COALESCE(SUM(o.goods - o.refunded), 0) FROM report_order o
                           WHERE o.referrer_id = :d AND o.cancelled = FALSE)
                WHERE customer_id = :d""").param("d", distributorId).update();
        jdbc.sql("DELETE FROM referral_click_count WHERE code IN (SELECT code FROM distributor WHERE customer_id = :d)")
                .param("d", distributorId).update();
        jdbc.sql("""
                INSERT INTO referral_click_count (code, shard, clicks)
                SELECT c.code, 0, COUNT(*) FROM referral_click c JOIN distributor x ON x.code = c.code
                WHERE x.customer_id = :d GROUP BY c.code""")
                .param("d", distributorId).update();
    }
}
