package com.micromall.order.internal;

import com.micromall.order.PaymentMethod;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment adapters that ship with the shop. */
@Configuration(proxyBeanMethods = false)
class ManualPaymentGateways {

    @Bean
    PaymentGateway bankTransfer() {
        return gateway(PaymentMethod.BANK_TRANSFER, false);
    }

    @Bean
    PaymentGateway cashOnDelivery() {
        return gateway(PaymentMethod.CASH_ON_DELIVERY, false);
    }

    /** Only in the demo shop: pretends the money arrived, so visitors can see a paid order. */
    @Bean
    @ConditionalOnProperty(name = "micromall.demo.enabled", havingValue = "true")
    PaymentGateway demoInstant() {
        return gateway(PaymentMethod.DEMO_INSTANT, true);
    }

    private static PaymentGateway gateway(PaymentMethod method, boolean paidOnPlacement) {
        return new PaymentGateway() {
            @Override
            public PaymentMethod method() {
                return method;
            }

            @Override
            public boolean paidOnPlacement() {
                return paidOnPlacement;
            }
        };
    }
}
