package com.micromall.notification;

import com.micromall.customer.CustomerProfile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a rendered mail (HTML with a plain-text alternative) to the SMTP server once per event, recipient and kind,
 * claimed first in {@link SentMails}, so an event delivered twice sends nothing the second time. An instance that
 * dies between sending and recording leaves a claim the retry sends again after
 * {@code micromall.mail.claim-timeout}: a lost mail is worse than a rare second one.
 */
@Component
class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

    /** Names Angus Mail's stream provider, the one its jar registers (see the static block). */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up for every message, part and encoded header, through a
        // ServiceLoader scan of the class path unless this system property names it (jakartaee/mail-api#861).
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mailSender;
    private final SentMails sentMails;
    private final MailServerStatus server;
    private final String from;

    CustomerMailer(JavaMailSender mailSender, SentMails sentMails, MailServerStatus server,
                   @Value("${micromall.mail.from:Micromall <no-reply@micromall.local>}") String from) {
        this.mailSender = mailSender;
        this.sentMails = sentMails;
        this.server = server;
        this.from = from;
    }

    /**
     * Sends the mail of this kind for this event unless it was sent already. {@code eventKey} names the event
     * (an order number, plus the refund's time for a refund), {@code kind} the mail (e.g. {@code order-paid}).
     * Throws {@link MailNotSentException} when the send fails or another delivery is sending the same mail right
     * now, so the publication stays incomplete and the retry looks again.
     */
    void sendOnce(String eventKey, String kind, CustomerProfile to, RenderedMail mail) {
        String what = kind + " mail for " + eventKey;
        switch (sentMails.claim(eventKey, kind, to.email(), MailLocale.of(to.locale()), mail)) {
            case SENT -> log.debug("The {} went to customer {} already", what, to.id());
            case IN_PROGRESS -> {
                log.info("The {} to customer {} is being sent by another delivery; checked again later", what, to.id());
                throw new MailNotSentException("The " + what + " is being sent by another delivery");
            }
            case OURS -> {
                try {
                    send(to, mail, what);
                } catch (MailNotSentException e) {
                    sentMails.release(eventKey, kind, to.email(), e.getMessage());
                    throw e;
                }
                sentMails.sent(eventKey, kind, to.email());
            }
        }
    }

    /**
     * Sends a mail that is never retried (an account link) and records it in the owner's log as {@code logged}: the
     * same mail with its secret taken out, so no usable token is ever stored.
     */
    void sendUnretried(String kind, CustomerProfile to, RenderedMail mail, RenderedMail logged, String what) {
        String eventKey = sentMails.recordUnretried(kind, to.email(), MailLocale.of(to.locale()), logged);
        try {
            send(to, mail, what);
        } catch (MailNotSentException e) {
            sentMails.release(eventKey, kind, to.email(), e.getMessage());
            throw e;
        }
        sentMails.sent(eventKey, kind, to.email());
    }

    /**
     * Sends or throws {@link MailNotSentException}, so the event publication that asked for the mail stays
     * incomplete and the retry job sends it later. A server out of reach is logged once per outage
     * ({@link MailServerStatus}), any other failure in one WARN line per mail.
     */
    void send(CustomerProfile to, RenderedMail mail, String what) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (RenderedMail.InlineImage image : mail.images()) {
                helper.addInline(image.contentId(), new ByteArrayResource(image.png()), "image/png");
            }
            mailSender.send(message);
            server.answered();
            log.debug("Sent {} to customer {}", what, to.id());
        } catch (MailException | MessagingException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            if (MailServerStatus.meansUnreachable(cause)) {
                server.unreachable();
                log.debug("Could not send {} to customer {}: no mail server ({})", what, to.id(), cause.getMessage());
            } else {
                log.warn("Could not send {} to customer {} ({}: {})", what, to.id(),
                        cause.getClass().getSimpleName(), cause.getMessage());
            }
            throw new MailNotSentException("Could not send " + what + " to customer " + to.id() + " ("
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")");
        }
    }
}
