package com.micromall.care.satisfaction;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.micromall.distribution.ShareInvitation;
import com.micromall.distribution.ShareInvitations;
import com.micromall.settings.DistributionSettingsService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
            return new ShareCard(link, qr(link), texts(link), invitation.friendBenefit());
        });
    }

    private List<String> texts(String link) {
        String texts = settings.current().shareTexts();
        if (texts == null) {
            return List.of();
        }
        return texts.lines().map(String::strip).filter(t -> !t.isEmpty()).map(t -> t.replace("{link}", link)).toList();
    }

    /** Inline, so the card needs no second request that would have to find the customer again. */
    private static String qr(String link) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            var matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
        } catch (WriterException e) {
            throw new IllegalStateException("QR code for " + link, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
