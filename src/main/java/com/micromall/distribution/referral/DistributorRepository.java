package com.micromall.distribution.referral;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DistributorRepository extends JpaRepository<Distributor, Long> {

    Optional<Distributor> findByCode(String code);

    boolean existsByCode(String code);
}
