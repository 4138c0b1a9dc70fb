package com.micromall.groupbuy;

import com.micromall.shared.Money;
import java.time.Instant;
import java.util.List;

/** A group as its page and the owner's list show it; member names are masked unless the owner asks. */
public record GroupView(long id, long productId, String productName, Money productPrice, Money groupPrice,
                        int groupSize, GroupState state, OnExpiry onExpiry, Instant openedAt, Instant expiresAt,
                        List<Member> members, int placesLeft) {

    public GroupView {
        members = List.copyOf(members);
    }

    public record Member(long customerId, String name, Instant joinedAt, String orderNumber, boolean opener) {
    }

    public boolean open() {
        return state == GroupState.OPEN;
    }

    public boolean hasMember(long customerId) {
        return members.stream().anyMatch(m -> m.customerId() == customerId);
    }
}
