package com.micromall.groupbuy;

import java.time.Instant;
import java.util.List;

/**
 * A group's orders go ahead: it filled ({@code filled}), or its time ran out and the owner chose to complete unfilled
 * groups at the group price. Each member gets a mail.
 */
public record GroupCompleted(long groupId, long productId, String productName, List<Long> memberIds, boolean filled, Instant at) {

    public GroupCompleted {
        memberIds = List.copyOf(memberIds);
    }
}
