package com.micromall.catalog;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * Asked by the product form before it saves a product's commission override. The commission rules
 * belong to distribution, which implements this; the catalog only shows the owner what it answers.
 */
public interface CommissionShareCheck {

    /**
     * Messages for the owner when these rates would pay sharers more than a sensible share of the price;
     * empty when they are fine.
     */
    List<MessageSourceResolvable> warnings(String productName, Money price, @Nullable BigDecimal commissionPercent,
                                           @Nullable BigDecimal commissionFixedAmount);
}
