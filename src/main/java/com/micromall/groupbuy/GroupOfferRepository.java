package com.micromall.groupbuy;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupOfferRepository extends JpaRepository<GroupOffer, Long> {

    Optional<GroupOffer> findByProductId(long productId);

    List<GroupOffer> findAllByOrderByProductId();
}
