package com.micromall.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the mail server answered the last time a mail went out. While it cannot be reached every mail fails the
 * same way, so the outage is said once when it starts and once when the server answers again: a line per unsent
 * mail would bury everything else, as on a first start without a mail catcher.
 */
@Component
class MailServerStatus {

    private static final Logger log = LoggerFactory.getLogger(MailServerStatus.class);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final AtomicBoolean unreachable = new AtomicBoolean();
    private final String host;
    private final int port;
    private final String address;
    private final Duration retryInterval;
    private final String mailLog;

    MailServerStatus(@Value("${spring.mail.host:localhost}") String host, @Value("${spring.mail.port:25}") int port,
                     @Value("${micromall.mail.retry.interval:PT5M}") Duration retryInterval,
                     @Value("${micromall.base-url:http://localhost:8080}") String baseUrl) {
        this.host = host;
        this.port = port;
        this.address = host + ":" + port;
        this.retryInterval = retryInterval;
        this.mailLog = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/admin/mails";
    }

    /**
     * Knocks on the mail server once the shop is up, so a shop started without one (the embedded demo) says at once,
     * in one line, that mails are not delivered and where the owner reads them meanwhile.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
        } catch (IOException e) {
            if (meansUnreachable(e)) {
                unreachable();
            }
        }
    }

    /** A refused connection, an unknown host or a connect timeout: no server answers, not a mail it refused. */
    static boolean meansUnreachable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof SocketTimeoutException;
    }

    /** No server answered; says so if it is the first failure since the server last answered. */
    void unreachable() {
        if (unreachable.compareAndSet(false, true)) {
            log.warn("No mail server at {}: mails wait in the outbox and are sent when one answers (tried again every {}"
                    + " and on restart); meanwhile the owner reads them at {}", address, readable(retryInterval), mailLog);
        }
    }

    /** A mail went out; says so if the server had been out of reach. */
    void answered() {
        if (unreachable.compareAndSet(true, false)) {
            log.info("Mail server at {} answers again: the mails waiting in the outbox go out with the retry", address);
        }
    }

    private static String readable(Duration interval) {
        if (interval.toSecondsPart() == 0 && interval.toMinutes() > 0) {
            return interval.toMinutes() + " min";
        }
        return interval.toSeconds() + " s";
    }
}
