package com.micromall.distribution.referral;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What someone who just ran {@code ./mvnw spring-boot:run} needs, in one block once the shop is ready: where to open
 * it, who to sign in as, and Anna's share link to open in a private window. Demo shop only; in production
 * {@code shared.web.StartupAnnouncement} says where the shop runs.
 */
@Component
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
class DemoWelcome {

    private static final Logger log = LoggerFactory.getLogger(DemoWelcome.class);

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** The demo shoppers DemoCustomers creates, in the order the README names them; Anna shares. */
    private static final List<String> CUSTOMERS = List.of("anna", "ben", "chen", "dina");

    /** The password DemoCustomers gives every demo shopper (DemoWelcomeTests checks that it signs them in). */
    static final String CUSTOMER_PASSWORD = "micromall-demo";

    private final DistributorEnrolment enrolment;
    private final DemoReferrals referrals;
    private final String baseUrl;
    private final String ownerEmail;
    private final String ownerPassword;

    DemoWelcome(DistributorEnrolment enrolment, DemoReferrals referrals,
                @Value("${micromall.base-url:http://localhost:8080}") String baseUrl,
                @Value("${micromall.owner.email:}") String ownerEmail,
                @Value("${micromall.owner.password:}") String ownerPassword) {
        this.enrolment = enrolment;
        this.referrals = referrals;
        this.baseUrl = baseUrl;
        this.ownerEmail = ownerEmail;
        this.ownerPassword = ownerPassword;
    }

    @EventListener
    void welcome(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info(text(shopUrl(web.getWebServer().getPort())));
        }
    }

    /**
     * The shop's address: {@code micromall.base-url}, unless that names this machine on another port than the one
     * the shop listens on ({@code --server.port=…}), where the actual port is meant.
     */
    String shopUrl(int port) {
        URI address = URI.create(baseUrl.strip());
        String url = baseUrl.strip().replaceAll("/+$", "");
        if (LOCAL_HOSTS.contains(String.valueOf(address.getHost()).toLowerCase()) && address.getPort() != port) {
            return address.getScheme() + "://" + address.getHost() + ":" + port;
        }
        return url;
    }

    /** The block logged at start, for the shop at {@code shopUrl} (no trailing slash). */
    String text(String shopUrl) {
        StringBuilder text = new StringBuilder("\n\n  Micromall demo shop is running at ").append(shopUrl).append("/\n\n");
        if (!ownerEmail.isBlank()) {
            text.append("  Owner (").append(shopUrl).append("/admin):  ").append(ownerEmail).append("  /  ")
                    .append(ownerPassword).append('\n');
        }
        text.append("  Customers:  ").append(String.join(", ", CUSTOMERS.stream().map(name -> name + "@demo.micromall")
                .toList())).append("  /  ").append(CUSTOMER_PASSWORD).append('\n');
        text.append("  Staff (").append(shopUrl).append("/admin/care):  staff@demo.micromall  /  ").append(CUSTOMER_PASSWORD)
                .append('\n');
        annasCode().ifPresent(code -> text.append("  Anna's share link (open it in a private window):  ")
                .append(shopUrl).append("/r/").append(code).append('\n'));
        return text.toString();
    }

    private Optional<String> annasCode() {
        return referrals.demo("anna").flatMap(enrolment::find)
                .map(DistributorEnrolment.DistributorView::code);
    }
}
