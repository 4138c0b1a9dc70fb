package com.micromall.groupbuy;

import com.micromall.catalog.ProductApi;
import com.micromall.catalog.ProductSummary;
import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.customer.NewAddress;
import com.micromall.distribution.SharerBinding;
import com.micromall.order.OneProductCheckout;
import com.micromall.order.PaymentMethod;
import com.micromall.shared.NameMask;
import com.micromall.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Opening, joining and expiring groups, each in one transaction with the orders it places or refunds. */
@Service
@RequiredArgsConstructor
public class GroupBuying {

    private static final Logger log = LoggerFactory.getLogger(GroupBuying.class);

    /** The buyer's pick the group price discount source looks for: the member's checkout token. */
    static final String PICK = "group-buy";

    private static final String ACTOR = "system:group-buy";

    private final BuyGroupRepository groups;
    private final GroupOfferRepository offers;
    private final OneProductCheckout checkout;
    private final ProductApi products;
    private final CustomerApi customers;
    private final SharerBinding sharers;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** Where the buyer's order goes and how they pay. */
    public record Purchase(long customerId, String checkoutToken, @Nullable Long savedAddressId,
                           @Nullable NewAddress address, PaymentMethod paymentMethod) {
    }

    /** The product's offer when it is switched on. */
    @Transactional(readOnly = true)
    public Optional<GroupOfferTerms> offerOf(long productId) {
        return offers.findByProductId(productId).map(GroupOffer::terms).filter(GroupOfferTerms::enabled);
    }

    /**
     * Opens a group: the opener's order at the group price, and the units of the other places held back from the
     * catalog. Refused, with nothing changed, when the stock cannot cover the whole group. The same form sent twice
     * opens one group.
     */
    @Transactional
    public long open(long productId, Purchase purchase) {
        Optional<BuyGroup> already = groups.findByMemberToken(purchase.checkoutToken(), purchase.customerId());
        if (already.isPresent()) {
            return already.get().getId();
        }
        GroupOffer offer = offers.findByProductId(productId).orElseThrow(() -> new GroupBuyException("groupbuy.error.noOffer"));
        BuyGroup group = BuyGroup.open(offer, purchase.customerId(), purchase.checkoutToken(), clock.instant());
        groups.saveAndFlush(group);
        String number = checkout.place(request(productId, purchase));
        if (group.getHeldUnits() > 0 && !products.reserveStock(productId, group.getHeldUnits())) {
            throw new GroupBuyException("groupbuy.error.notEnoughStock", group.getGroupSize());
        }
        group.getMembers().get(0).placed(number);
        groups.flush();
        return group.getId();
    }

    /**
     * Joins a group: its row is locked first, so of two buyers racing for the last place the second finds it taken
     * and nothing of theirs is placed. A joiner not yet bound to a referrer is bound to the opener. The same form sent
     * twice joins once.
     */
    @Transactional
    public void join(long groupId, Purchase purchase) {
        BuyGroup group = groups.findForChange(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId));
        if (group.memberWithToken(purchase.checkoutToken()).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        GroupMember member = group.join(purchase.customerId(), purchase.checkoutToken(), now);
        // Flushed, not saved: merging the managed group would make a managed copy of the new member.
        groups.flush();
        bindToOpener(purchase.customerId(), group.getOpenerId());
        // The held unit becomes the joiner's: given back to the catalog and taken by the order under the same row lock.
        products.releaseStock(group.getProductId(), 1);
        member.placed(checkout.place(request(group.getProductId(), purchase)));
        groups.flush();
        if (group.getState() == GroupState.FILLED) {
            events.publishEvent(completed(group, true, now));
        }
    }

    /**
     * Closes the groups whose time ran out: each in its own transaction with its refunds (or, when the owner chose
     * so, its completion) and the stock it gives back, so a group is never expired without its refunds or the
     * other way round.
     */
    @Scheduled(fixedDelayString = "${micromall.groupbuy.expiry-check-interval:PT1M}")
    @SchedulerLock(name = "expireGroupBuys", lockAtMostFor = "PT2M")
    public void expireDueGroups() {
        for (Long id : groups.dueIds(clock.instant())) {
            try {
                transactions.executeWithoutResult(status -> expire(id));
            } catch (RuntimeException e) {
                log.warn("Could not close group buy {}: {}", id, e.getMessage());
            }
        }
    }

    @Transactional
    void expire(long groupId) {
        BuyGroup group = groups.findForChange(groupId).orElseThrow();
        Instant now = clock.instant();
        if (!group.isDue(now)) {
            return;
        }
        int released = group.expire(now);
        if (group.getState() == GroupState.EXPIRED_REFUNDED) {
            for (GroupMember member : group.getMembers()) {
                if (member.getOrderNumber() != null && checkout.takeBack(member.getOrderNumber(),
                        "group buy not filled in time", ACTOR) == OneProductCheckout.TakeBack.REFUNDED) {
                    released++; // nothing was shipped: the refunded unit goes back on sale (a cancel did that itself)
                }
            }
        }
        if (released > 0) {
            products.releaseStock(group.getProductId(), released);
        }
        groups.flush();
        events.publishEvent(group.getState() == GroupState.EXPIRED_REFUNDED
                ? expiredRefunded(group, now)
                : completed(group, false, now));
    }

    /** The group the checkout token of a form joined or opened, if that form was already sent. */
    @Transactional(readOnly = true)
    public Optional<Long> groupOfToken(long customerId, String checkoutToken) {
        return groups.findByMemberToken(checkoutToken, customerId).map(BuyGroup::getId);
    }

    /** A group as its public page shows it, member names masked. */
    @Transactional(readOnly = true)
    public GroupView group(long groupId) {
        BuyGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("No group " + groupId));
        return views(List.of(group), true).get(0);
    }

    /** The product's groups still open for joining, soonest ending first. */
    @Transactional(readOnly = true)
    public List<GroupView> openGroupsOf(long productId) {
        Instant now = clock.instant();
        return views(groups.findByProductIdAndStateOrderByExpiresAt(productId, GroupState.OPEN).stream()
                .filter(g -> now.isBefore(g.getExpiresAt())).toList(), true);
    }

    /** The latest groups for the owner's list, with full names. */
    @Transactional(readOnly = true)
    public List<GroupView> latestGroups() {
        return views(groups.findTop200ByOrderByOpenedAtDescIdDesc(), false);
    }

    private List<GroupView> views(List<BuyGroup> list, boolean masked) {
        Map<Long, ProductSummary> productsById = products.findAll(list.stream().map(BuyGroup::getProductId)
                .distinct().toList()).stream().collect(Collectors.toMap(ProductSummary::id, Function.identity()));
        Map<Long, String> names = customers.findAll(list.stream().flatMap(g -> g.getMembers().stream())
                .map(GroupMember::getCustomerId).distinct().toList()).stream()
                .collect(Collectors.toMap(CustomerProfile::id, CustomerProfile::name));
        return list.stream().map(g -> {
            ProductSummary product = productsById.get(g.getProductId());
            List<GroupView.Member> members = g.getMembers().stream().map(m -> {
                String name = names.getOrDefault(m.getCustomerId(), "");
                return new GroupView.Member(m.getCustomerId(), masked ? NameMask.mask(name) : name, m.getJoinedAt(),
                        m.getOrderNumber() == null ? "" : m.getOrderNumber(), m.getCustomerId() == g.getOpenerId());
            }).toList();
            return new GroupView(g.getId(), g.getProductId(), product == null ? "" : product.name(),
                    product == null ? g.price() : product.price(), g.price(), g.getGroupSize(), g.getState(),
                    g.getOnExpiry(), g.getOpenedAt(), g.getExpiresAt(), members, g.placesLeft());
        }).toList();
    }

    private void bindToOpener(long customerId, long openerId) {
        if (sharers.bindToSharer(customerId, openerId)) {
            log.debug("Group joiner {} is now bound to the opener {}", customerId, openerId);
        }
    }

    private static OneProductCheckout.Request request(long productId, Purchase purchase) {
        return new OneProductCheckout.Request(purchase.customerId(), purchase.checkoutToken(), productId,
                purchase.savedAddressId(), purchase.address(), purchase.paymentMethod(),
                Map.of(PICK, purchase.checkoutToken()));
    }

    private GroupCompleted completed(BuyGroup group, boolean filled, Instant now) {
        Optional<ProductSummary> product = products.find(group.getProductId());
        return new GroupCompleted(group.getId(), group.getProductId(), product.map(ProductSummary::name).orElse(""),
                product.map(ProductSummary::translatedNames).orElse(Map.of()), memberIds(group), filled, now);
    }

    private GroupExpiredRefunded expiredRefunded(BuyGroup group, Instant now) {
        Optional<ProductSummary> product = products.find(group.getProductId());
        return new GroupExpiredRefunded(group.getId(), group.getProductId(),
                product.map(ProductSummary::name).orElse(""),
                product.map(ProductSummary::translatedNames).orElse(Map.of()), memberIds(group), now);
    }

    private static List<Long> memberIds(BuyGroup group) {
        return group.getMembers().stream().map(GroupMember::getCustomerId).toList();
    }
}
