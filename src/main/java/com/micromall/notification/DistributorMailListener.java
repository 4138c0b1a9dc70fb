package com.micromall.notification;

import com.micromall.customer.CustomerApi;
import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.CommissionAvailable;
import com.micromall.distribution.CommissionCredited;
import com.micromall.distribution.RewardForm;
import com.micromall.distribution.WithdrawalPaid;
import com.micromall.distribution.WithdrawalRejected;
import com.micromall.distribution.DistributorApproved;
import com.micromall.distribution.DistributorEnrolled;
import com.micromall.distribution.DistributorTierRaised;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the distributor about their commission, withdrawals and enrolment, after the distribution transaction
 * committed; a failed send leaves the publication incomplete for the retry, and each mail goes out once per event
 * however often it is delivered (see {@link CustomerMailer}).
 */
@Component
@RequiredArgsConstructor
class DistributorMailListener {

    private static final Logger log = LoggerFactory.getLogger(DistributorMailListener.class);

    private final CustomerApi customers;
    private final DistributorMails mails;
    private final ShareInvitations invitations;
    private final CustomerMailer mailer;

    @ApplicationModuleListener
    void sendCommissionCredited(CommissionCredited event) {
        if (!event.amount().isPositive()) {
            // Everything held: it may never be paid, so nothing is promised until the owner releases it.
            return;
        }
        send(event.distributorId(), "commission/" + event.orderNumber() + "/L" + event.level(), "commission-credited",
                d -> mails.credited(event, d));
    }

    @ApplicationModuleListener
    void sendCommissionAvailable(CommissionAvailable event) {
        String first = event.orderNumbers().isEmpty() ? "" : event.orderNumbers().get(0);
        String form = event.rewardForm() == RewardForm.POINTS ? "/points" : "";
        send(event.distributorId(), "available/" + event.availableAt() + "/" + first + form, "commission-available",
                d -> mails.available(event, d));
    }

    @ApplicationModuleListener
    void sendTierRaised(DistributorTierRaised event) {
        send(event.distributorId(), "tier/" + event.tierId() + "/" + event.raisedAt(), "tier-raised",
                d -> mails.tierRaised(event, d));
    }

    @ApplicationModuleListener
    void sendWithdrawalPaid(WithdrawalPaid event) {
        send(event.distributorId(), "withdrawal/" + event.withdrawalId(), "withdrawal-paid", d -> mails.paid(event, d));
    }

    @ApplicationModuleListener
    void sendWithdrawalRejected(WithdrawalRejected event) {
        send(event.distributorId(), "withdrawal/" + event.withdrawalId(), "withdrawal-rejected",
                d -> mails.rejected(event, d));
    }

    @ApplicationModuleListener
    void sendWelcome(DistributorEnrolled event) {
        welcome(event.customerId());
    }

    @ApplicationModuleListener
    void sendWelcome(DistributorApproved event) {
        welcome(event.customerId());
    }

    /**
     * One welcome per distributor, when their link earns: at once when enrolled ACTIVE, at the owner's approval
     * when enrolled PENDING; a distributor suspended before the mail went out gets none (the link earns nothing).
     */
    private void welcome(long customerId) {
        ShareInvitation invitation = invitations.invitationOf(customerId).orElse(null);
        if (invitation == null) {
            log.debug("Distributor {} cannot share (yet): no welcome mail", customerId);
            return;
        }
        send(customerId, "distributor/" + customerId, "distributor-welcome", d -> mails.welcome(invitation, d));
    }

    private void send(long customerId, String eventKey, String kind, Function<CustomerProfile, RenderedMail> compose) {
        customers.find(customerId).ifPresentOrElse(
                customer -> mailer.sendOnce(eventKey, kind, customer, compose.apply(customer)),
                // Retrying cannot make a missing customer appear: complete the publication.
                () -> log.warn("No customer {} for the {} mail for {}: nothing sent", customerId, kind, eventKey));
    }
}
