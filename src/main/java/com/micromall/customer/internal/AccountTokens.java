package com.micromall.customer.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links mailed to a customer. A token is 256 random bits; only its SHA-256 is stored
 * (a slow hash adds nothing for a value nobody can guess), so the table opens no account. A new
 * token replaces the customer's older ones of the same purpose; using a token deletes it.
 */
@Component
@RequiredArgsConstructor
public class AccountTokens {

    public enum Purpose {
        PASSWORD_RESET(Duration.ofMinutes(30)),
        EMAIL_VERIFICATION(Duration.ofHours(48)),
        STAFF_INVITATION(Duration.ofDays(7));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    /** @return the raw token, for the mail only: it is not kept anywhere */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(long customerId, Purpose purpose) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM customer_token WHERE customer_id = :c AND purpose = :p")
                .param("c", customerId).param("p", purpose.name()).update();
        jdbc.sql("""
                INSERT INTO customer_token (customer_id, purpose, token_hash, created_at, expires_at)
                VALUES (:c, :p, :h, :at, :expires)""")
                .param("c", customerId).param("p", purpose.name()).param("h", hash(token))
                .param("at", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(purpose.lifetime)))
                .update();
        return token;
    }

    /** The customer a live token belongs to, without using it up (to show the reset form). */
    @Transactional(readOnly = true)
    public Optional<Long> peek(Purpose purpose, String token) {
        return jdbc.sql("""
                SELECT customer_id FROM customer_token
                WHERE token_hash = :h AND purpose = :p AND expires_at > :now""")
                .param("h", hash(token)).param("p", purpose.name()).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    /**
     * Uses the token up. Of two requests with one token only the one whose DELETE removes the row
     * gets the customer; the other finds nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Long> consume(Purpose purpose, String token) {
        Optional<Long> customer = peek(purpose, token);
        if (customer.isEmpty()) {
            return customer;
        }
        int deleted = jdbc.sql("DELETE FROM customer_token WHERE token_hash = :h AND purpose = :p AND expires_at > :now")
                .param("h", hash(token)).param("p", purpose.name()).param("now", Timestamp.from(clock.instant()))
                .update();
        return deleted == 1 ? customer : Optional.empty();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
