package com.micromall.distribution.rewards.web;

import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** The distributor's choice of reward form: one of the forms the owner offers (checked in the controller). */
@Getter
public class RewardFormForm {

    private @Nullable String rewardForm;

    public void setRewardForm(@Nullable String rewardForm) {
        this.rewardForm = rewardForm;
    }
}
