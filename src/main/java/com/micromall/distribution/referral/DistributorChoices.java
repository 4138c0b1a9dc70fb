package com.micromall.distribution.referral;

import com.micromall.distribution.RewardForm;
import com.micromall.settings.AuditLog;
import com.micromall.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A distributor's own choices: how they take their rewards (cash, store credit or points) and how much of a friend's first
 * order commission they give that friend. Not money actions (nothing moves when they change), but audited so the
 * owner can see when a choice changed.
 */
@Service
@RequiredArgsConstructor
public class DistributorChoices {

    /** The friend's shares a distributor may choose, in per cent. */
    public static final List<Integer> SHARE_CHOICES = List.of(0, 25, 50, 75, 100);

    /** What a distributor chose, and whether they are ACTIVE (only an active distributor earns, so only one can give). */
    public record Choices(DistributorStatus status, RewardForm rewardForm, int friendSharePercent) {

        public boolean active() {
            return status == DistributorStatus.ACTIVE;
        }
    }

    private final DistributorRepository distributors;
    private final AuditLog auditLog;
    private final RewardForms rewardForms;

    @Transactional(readOnly = true)
    public Optional<Choices> of(long customerId) {
        return distributors.findById(customerId)
                .map(d -> new Choices(d.getStatus(), d.getRewardForm(), d.getFriendSharePercent()));
    }

    /** The form commission credited to {@code customerId} now takes: their choice while offered, else the fallback. */
    @Transactional(readOnly = true)
    public RewardForm rewardFormInForce(long customerId) {
        RewardForm chosen = distributors.findById(customerId).map(Distributor::getRewardForm).orElse(RewardForm.CASH);
        return rewardForms.current().inForce(chosen);
    }

    /** Chooses {@code form} for commission credited from now on; false (nothing changes) when it is not offered. */
    @Transactional
    public boolean chooseRewardForm(long customerId, RewardForm form, String actor) {
        if (!rewardForms.current().allows(form)) {
            return false;
        }
        Distributor distributor = find(customerId);
        RewardForm before = distributor.getRewardForm();
        distributor.chooseRewardForm(form);
        if (before != form) {
            auditLog.record(actor, "distribution.rewardForm", "customer " + customerId, before.name(), form.name());
        }
        return true;
    }

    @Transactional
    public void chooseFriendShare(long customerId, int percent, String actor) {
        Distributor distributor = find(customerId);
        int before = distributor.getFriendSharePercent();
        distributor.chooseFriendShare(percent);
        if (before != percent) {
            auditLog.record(actor, "distribution.friendShare", "customer " + customerId, before + "%", percent + "%");
        }
    }

    private Distributor find(long customerId) {
        return distributors.findById(customerId).orElseThrow(() -> new NotFoundException("distributor " + customerId));
    }
}
