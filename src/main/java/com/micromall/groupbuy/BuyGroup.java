package com.micromall.groupbuy;

import com.micromall.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * One group buy: the offer's terms copied when it was opened, its members, and the units still held for its free
 * places. Every move checks the state; joining is refused at and after {@code expiresAt}, expiring only from then on.
 */
@Entity
@Table(name = "groupbuy_group")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class BuyGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long productId;
    private long openerId;
    private int groupSize;
    private BigDecimal groupPrice;
    private String currency;
    @Enumerated(EnumType.STRING)
    private OnExpiry onExpiry;
    @Enumerated(EnumType.STRING)
    private GroupState state;
    private int heldUnits;
    private Instant openedAt;
    private Instant expiresAt;
    private @Nullable Instant closedAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "group_id", nullable = false, updatable = false)
    @OrderBy("position")
    private List<GroupMember> members = new ArrayList<>();

    static BuyGroup open(GroupOffer offer, long openerId, String checkoutToken, Instant now) {
        GroupOfferTerms terms = offer.terms();
        if (terms == null || !terms.enabled()) {
            throw new GroupBuyException("groupbuy.error.noOffer");
        }
        BuyGroup group = new BuyGroup();
        group.productId = offer.getProductId();
        group.openerId = openerId;
        group.groupSize = terms.groupSize();
        group.groupPrice = terms.groupPrice().amount();
        group.currency = terms.groupPrice().currency().getCurrencyCode();
        group.onExpiry = terms.onExpiry();
        group.state = GroupState.OPEN;
        group.heldUnits = terms.groupSize() - 1;
        group.openedAt = now;
        group.expiresAt = now.plus(Duration.ofHours(terms.timeLimitHours()));
        group.members.add(new GroupMember(1, openerId, checkoutToken, now));
        return group;
    }

    /** Takes a free place (and one held unit) for the customer; throws when the group cannot take them. */
    GroupMember join(long customerId, String checkoutToken, Instant now) {
        if (isMember(customerId)) {
            throw new GroupBuyException("groupbuy.error.alreadyMember");
        }
        if (state == GroupState.FILLED || isFull()) {
            throw new GroupBuyException("groupbuy.error.full");
        }
        if (state != GroupState.OPEN || !now.isBefore(expiresAt)) {
            throw new GroupBuyException("groupbuy.error.closed");
        }
        GroupMember member = new GroupMember(members.size() + 1, customerId, checkoutToken, now);
        members.add(member);
        heldUnits--;
        if (isFull()) {
            state = GroupState.FILLED;
            closedAt = now;
        }
        return member;
    }

    boolean isDue(Instant now) {
        return state == GroupState.OPEN && !now.isBefore(expiresAt);
    }

    /** Closes a group whose time ran out; returns the units it still held for free places. */
    int expire(Instant now) {
        if (!isDue(now)) {
            throw new IllegalStateException("Group " + id + " is not due to expire");
        }
        state = onExpiry == OnExpiry.REFUND ? GroupState.EXPIRED_REFUNDED : GroupState.EXPIRED_COMPLETED;
        closedAt = now;
        int released = heldUnits;
        heldUnits = 0;
        return released;
    }

    boolean isMember(long customerId) {
        return members.stream().anyMatch(m -> m.getCustomerId() == customerId);
    }

    boolean isFull() {
        return members.size() >= groupSize;
    }

    int placesLeft() {
        return state == GroupState.OPEN ? Math.max(0, groupSize - members.size()) : 0;
    }

    Optional<GroupMember> memberWithToken(String checkoutToken) {
        return members.stream().filter(m -> m.getCheckoutToken().equals(checkoutToken)).findFirst();
    }

    Money price() {
        return Money.of(groupPrice, Currency.getInstance(currency));
    }
}
