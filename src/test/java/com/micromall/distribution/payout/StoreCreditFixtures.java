package com.micromall.distribution.payout;

import org.springframework.context.ApplicationContext;

/** Store credit's package-private steps, for tests of other packages that replay them (a redelivered event). */
public final class StoreCreditFixtures {

    private StoreCreditFixtures() {
    }

    /** Gives back the credit spent on the order, as a redelivered cancellation would; the number of spends restored. */
    public static int restore(ApplicationContext context, long orderId) {
        return context.getBean(StoreCreditDiscounts.class).restore(orderId);
    }
}
