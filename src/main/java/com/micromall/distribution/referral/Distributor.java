package com.micromall.distribution.referral;

import com.micromall.distribution.RewardForm;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** An enrolled customer with a share code. The code never changes; the status moves only by the guarded steps below. */
@Entity
@Table(name = "distributor")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class Distributor {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    private String code;

    @Enumerated(EnumType.STRING)
    private DistributorStatus status;

    private Instant enrolledAt;

    @Enumerated(EnumType.STRING)
    private RewardForm rewardForm = RewardForm.CASH;

    /** The part of the level-1 commission on a referred friend's first order given to the friend (0/25/50/75/100). */
    private int friendSharePercent;

    @Version
    private long version;

    private Distributor(long customerId, String code, DistributorStatus status, Instant enrolledAt) {
        this.customerId = customerId;
        this.code = code;
        this.status = status;
        this.enrolledAt = enrolledAt;
    }

    static Distributor active(long customerId, String code, Instant now) {
        return new Distributor(customerId, code, DistributorStatus.ACTIVE, now);
    }

    static Distributor pending(long customerId, String code, Instant now) {
        return new Distributor(customerId, code, DistributorStatus.PENDING, now);
    }

    void approve() {
        require(DistributorStatus.PENDING);
        status = DistributorStatus.ACTIVE;
    }

    void suspend() {
        if (status == DistributorStatus.SUSPENDED) {
            throw new DistributorStateException(status, "suspend");
        }
        status = DistributorStatus.SUSPENDED;
    }

    void reactivate() {
        require(DistributorStatus.SUSPENDED);
        status = DistributorStatus.ACTIVE;
    }

    /** Any form, at any time: nothing is converted when switching (the bonus applies only to what is spent). */
    void chooseRewardForm(RewardForm form) {
        if (status == DistributorStatus.SUSPENDED) {
            throw new DistributorStateException(status, "change the reward form of");
        }
        this.rewardForm = form;
    }

    void chooseFriendShare(int percent) {
        if (!DistributorChoices.SHARE_CHOICES.contains(percent)) {
            throw new IllegalArgumentException("Friend's share must be one of " + DistributorChoices.SHARE_CHOICES + ": " + percent);
        }
        if (status == DistributorStatus.SUSPENDED) {
            throw new DistributorStateException(status, "change the friend's share of");
        }
        this.friendSharePercent = percent;
    }

    boolean isActive() {
        return status == DistributorStatus.ACTIVE;
    }

    private void require(DistributorStatus expected) {
        if (status != expected) {
            throw new DistributorStateException(status, expected == DistributorStatus.PENDING ? "approve" : "reactivate");
        }
    }
}
