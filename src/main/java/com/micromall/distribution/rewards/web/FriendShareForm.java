package com.micromall.distribution.rewards.web;

import lombok.Getter;
import org.jspecify.annotations.Nullable;

/** The distributor's friend's share in per cent, as typed (one of 0/25/50/75/100; checked in the controller). */
@Getter
public class FriendShareForm {

    private @Nullable String friendSharePercent;

    public void setFriendSharePercent(@Nullable String friendSharePercent) {
        this.friendSharePercent = friendSharePercent;
    }
}
