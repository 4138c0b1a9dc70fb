package com.micromall.distribution.internal;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WithdrawalRepository extends JpaRepository<Withdrawal, Long> {

    List<Withdrawal> findByDistributorIdOrderByRequestedAtDescIdDesc(long distributorId);

    List<Withdrawal> findByStateOrderByRequestedAtAscIdAsc(WithdrawalState state);
}
