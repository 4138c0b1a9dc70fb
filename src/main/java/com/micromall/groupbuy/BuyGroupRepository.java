package com.micromall.groupbuy;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BuyGroupRepository extends JpaRepository<BuyGroup, Long> {

    /** The group with its row locked until the transaction ends: joins and expiry of one group take turns. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT g FROM BuyGroup g WHERE g.id = :id")
    Optional<BuyGroup> findForChange(long id);

    @Query("SELECT g.id FROM BuyGroup g WHERE g.state = com.micromall.groupbuy.GroupState.OPEN AND g.expiresAt <= :now ORDER BY g.expiresAt")
    List<Long> dueIds(Instant now);

    @Query("SELECT g FROM BuyGroup g JOIN g.members m WHERE m.checkoutToken = :token AND m.customerId = :customerId")
    Optional<BuyGroup> findByMemberToken(String token, long customerId);

    /** The group whose member row for this token is still waiting for its order: only the placing transaction sees it. */
    @Query("SELECT g FROM BuyGroup g JOIN g.members m WHERE m.checkoutToken = :token AND m.customerId = :customerId AND m.orderNumber IS NULL")
    Optional<BuyGroup> findPending(String token, long customerId);

    List<BuyGroup> findTop200ByOrderByOpenedAtDescIdDesc();

    List<BuyGroup> findByProductIdAndStateOrderByExpiresAt(long productId, GroupState state);
}
