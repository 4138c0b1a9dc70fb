package com.micromall.groupbuy;

import java.time.Instant;
import java.util.List;

/** A group did not fill in time and every member's order was refunded in full. Each member gets a mail. */
public record GroupExpiredRefunded(long groupId, long productId, String productName, List<Long> memberIds, Instant at) {

    public GroupExpiredRefunded {
        memberIds = List.copyOf(memberIds);
    }
}
