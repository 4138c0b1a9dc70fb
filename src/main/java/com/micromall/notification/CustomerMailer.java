package com.micromall.notification;

import com.micromall.customer.CustomerProfile;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands a rendered mail (HTML with a plain-text alternative) to the SMTP server. */
@Component
class CustomerMailer {

    private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

    /** Names Angus Mail's stream provider, the one its jar registers (see the static block). */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up for every message, part and encoded header, through a
        // ServiceLoader scan of the class path unless this system property names it (jakartaee/mail-api#861):
        // that scan was an eighth of the checkout's CPU in the benchmark's profile.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mailSender;
    private final String from;

    CustomerMailer(JavaMailSender mailSender,
                   @Value("${micromall.mail.from:Micromall <no-reply@micromall.local>}") String from) {
        this.mailSender = mailSender;
        this.from = from;
    }

    /**
     * Sends or throws {@link MailNotSentException} after one WARN line, so the event publication
     * that asked for the mail stays incomplete and the retry job sends it later.
     */
    void send(CustomerProfile to, RenderedMail mail, String what) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.email());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            mailSender.send(message);
            log.debug("Sent {} to customer {}", what, to.id());
        } catch (MailException | MessagingException e) {
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
            log.warn("Could not send {} to customer {} ({}: {}); it will be retried", what, to.id(),
                    cause.getClass().getSimpleName(), cause.getMessage());
            throw new MailNotSentException("Could not send " + what + " to customer " + to.id());
        }
    }
}
