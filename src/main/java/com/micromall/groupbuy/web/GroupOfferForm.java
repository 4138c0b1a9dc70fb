package com.micromall.groupbuy.web;

import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** A product's "buy together" terms as the owner typed them; numbers stay text so a mistake is shown back as typed. */
@Getter
public class GroupOfferForm {

    private @Nullable Long productId;
    private boolean enabled = true;
    private String groupSize = "2";
    private String groupPrice = "";
    private String timeLimitHours = "24";
    private String onExpiry = "REFUND";

    public void setProductId(@Nullable Long productId) {
        this.productId = productId;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setGroupSize(String groupSize) {
        this.groupSize = groupSize;
    }

    public void setGroupPrice(String groupPrice) {
        this.groupPrice = groupPrice;
    }

    public void setTimeLimitHours(String timeLimitHours) {
        this.timeLimitHours = timeLimitHours;
    }

    public void setOnExpiry(String onExpiry) {
        this.onExpiry = onExpiry;
    }
}
