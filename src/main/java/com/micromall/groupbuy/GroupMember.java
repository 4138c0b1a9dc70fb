package com.micromall.groupbuy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;

/** A buyer in a group and the order they placed for it (null only while that order is being placed). */
@Entity
@Table(name = "groupbuy_member")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class GroupMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private long customerId;
    private String checkoutToken;
    private @Nullable String orderNumber;
    private Instant joinedAt;

    GroupMember(int position, long customerId, String checkoutToken, Instant joinedAt) {
        this.position = position;
        this.customerId = customerId;
        this.checkoutToken = checkoutToken;
        this.joinedAt = joinedAt;
    }

    void placed(String number) {
        this.orderNumber = number;
    }
}
