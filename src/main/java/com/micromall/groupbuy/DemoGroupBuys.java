package com.micromall.groupbuy;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.Address;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.NewAddress;
import com.micromall.order.PaymentMethod;
import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo shop's group buys (embedded default only): the honey is offered in groups of 2, Anna and Chen filled one,
 * and Ben's group is open for a second buyer. Runs after the demo orders and vouchers.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
@RequiredArgsConstructor
class DemoGroupBuys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGroupBuys.class);
    private static final String PRODUCT = "Wildflower honey";

    private final GroupOffers offers;
    private final GroupBuying groupBuying;
    private final GroupOfferRepository offerRows;
    private final ProductApi products;
    private final CustomerApi customers;
    private final ShopSettingsService settings;

    @Override
    public void run(ApplicationArguments args) {
        if (offerRows.count() > 0) {
            return;
        }
        Optional<ProductSummary> honey = products.onSaleByName().stream().filter(p -> p.name().equals(PRODUCT)).findFirst();
        Optional<CustomerProfile> ben = customers.findByEmail("ben@demo.micromall");
        if (honey.isEmpty() || ben.isEmpty()) {
            return;
        }
        long productId = honey.get().id();
        offers.save(new GroupOfferTerms(productId, true, 2, Money.of(new BigDecimal("48.00"), settings.current().currency()),
                GroupOfferTerms.DEFAULT_HOURS, OnExpiry.REFUND), "demo");
        customers.findByEmail("anna@demo.micromall").ifPresent(anna ->
                customers.findByEmail("chen@demo.micromall").ifPresent(chen -> {
                    long filled = groupBuying.open(productId, purchase(anna));
                    groupBuying.join(filled, purchase(chen));
                }));
        long open = groupBuying.open(productId, purchase(ben.get()));
        log.info("Demo group buys: {} in groups of 2, Ben's group {} open", PRODUCT, open);
    }

    private GroupBuying.Purchase purchase(CustomerProfile customer) {
        List<Address> addresses = customers.addressesOf(customer.id());
        String token = UUID.randomUUID().toString();
        if (!addresses.isEmpty()) {
            return new GroupBuying.Purchase(customer.id(), token, addresses.get(0).id(), null, PaymentMethod.DEMO_INSTANT);
        }
        return new GroupBuying.Purchase(customer.id(), token, null, new NewAddress(customer.name(), "13800000000",
                "1 Demo Road", null, "Shanghai", "200000", "China"), PaymentMethod.DEMO_INSTANT);
    }
}
