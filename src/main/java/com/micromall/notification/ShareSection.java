package com.micromall.notification;

import com.micromall.customer.CustomerProfile;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.shared.QrCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reader's own share link, its QR code and what a friend gets through it, for the mails that carry them (order
 * placed and completed, the distributor's welcome, and the next care mail after a happy return visit). Only the reader's own link and the friend's benefit: never what
 * anyone earned.
 */
@Component
class ShareSection {

    static final String QR_CONTENT_ID = "share-qr";
    /** Small enough for a phone's mail view, large enough for a camera on a printed mail. */
    static final int QR_SIZE = 240;

    private final ShareInvitations invitations;
    private final TransactionTemplate ownTransaction;
    private final String baseUrl;

    ShareSection(ShareInvitations invitations, PlatformTransactionManager transactionManager,
                 @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.invitations = invitations;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** What a mail shows about sharing, when the customer can share. */
    record Share(String link, ShareInvitation.FriendBenefit friendBenefit, RenderedMail.InlineImage qr) {

        /** Puts {@code shareLink}, {@code shareQrSrc} and {@code friendBenefit} into a template's model. */
        void addTo(Map<String, Object> model) {
            model.put("shareLink", link);
            model.put("shareQrSrc", qr.src());
            model.put("friendBenefit", friendBenefit);
        }

        List<RenderedMail.InlineImage> images() {
            return List.of(qr);
        }
    }

    /**
     * Asked in a transaction of its own: a customer enrolled on the spot stays enrolled when this mail's send fails
     * and its delivery is rolled back, so the link a waiting mail shows in the owner's log is the one that works.
     */
    Optional<Share> of(CustomerProfile customer) {
        Optional<ShareInvitation> own = ownTransaction.execute(status -> invitations.invitationOf(customer.id()));
        return own == null ? Optional.empty() : own.map(invitation -> of(invitation.sharePath(),
                invitation.friendBenefit()));
    }

    /**
     * Puts the customer's share section into a template's model when they can share and returns the pictures the mail
     * must carry; a customer who cannot share gets no section and no error.
     */
    List<RenderedMail.InlineImage> putInto(Map<String, Object> model, CustomerProfile customer) {
        return of(customer).map(share -> {
            share.addTo(model);
            return share.images();
        }).orElse(List.of());
    }

    Share of(String sharePath, ShareInvitation.FriendBenefit friendBenefit) {
        String link = baseUrl + sharePath;
        return new Share(link, friendBenefit, new RenderedMail.InlineImage(QR_CONTENT_ID, QrCode.png(link, QR_SIZE)));
    }
}
