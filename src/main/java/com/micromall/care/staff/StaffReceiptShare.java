package com.micromall.care.staff;

import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.order.ReceiptShare;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The receipt a staff member hands over carries the buyer's own share link: the moment to ask for a referral. */
@Component
@RequiredArgsConstructor
class StaffReceiptShare implements ReceiptShare {

    private final ShareInvitations invitations;

    @Override
    public Optional<String> sharePathOf(long customerId) {
        return invitations.invitationOf(customerId).map(ShareInvitation::sharePath);
    }
}
