package com.micromall.distribution.internal;

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

    boolean isActive() {
        return status == DistributorStatus.ACTIVE;
    }

    private void require(DistributorStatus expected) {
        if (status != expected) {
            throw new DistributorStateException(status, expected == DistributorStatus.PENDING ? "approve" : "reactivate");
        }
    }
}
