package com.micromall.care.satisfaction;

import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.settings.DistributionSettingsService;
import com.micromall.shared.QrCode;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The buyer's own share card for a happy answer: their link, its QR code, the owner's ready texts and what a friend
 * gets. Never what the sharer earns: the moment is about the friend.
 */
@Component
@RequiredArgsConstructor
class ShareCards {

    private final ShareInvitations invitations;
    private final DistributionSettingsService settings;

    record ShareCard(String link, String qrDataUri, List<String> texts, ShareInvitation.FriendBenefit friendBenefit) {
    }

    /** Empty when the buyer cannot share (not enrolled, pending or suspended). Call inside a web request. */
    Optional<ShareCard> of(long customerId) {
        return invitations.invitationOf(customerId).map(invitation -> {
            String link = ServletUriComponentsBuilder.fromCurrentContextPath().path(invitation.sharePath())
                    .toUriString();
            return new ShareCard(link, QrCode.dataUri(link, 240), settings.current().shareTextsWith(link),
                    invitation.friendBenefit());
        });
    }
}
