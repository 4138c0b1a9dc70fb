package com.micromall.distribution.payout;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WithdrawalRepository extends JpaRepository<Withdrawal, Long> {

    List<Withdrawal> findByDistributorIdOrderByRequestedAtDescIdDesc(long distributorId);

    List<Withdrawal> findByStateOrderByRequestedAtAscIdAsc(WithdrawalState state);

    Optional<Withdrawal> findByDistributorIdAndRequestToken(long distributorId, String requestToken);

    /** The owner's decisions take the row lock first, so a double click sees the first decision. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select w from Withdrawal w where w.id = :id")
    Optional<Withdrawal> findForDecision(long id);
}
