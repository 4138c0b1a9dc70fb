package com.micromall.order.internal;

import com.micromall.settings.ShopTime;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Order numbers people can read out on the phone: MM-YYMMDD-XXXXXX (the shop's day), six random characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L). Random, so a number tells nothing about how many
 * orders the shop has and cannot be guessed from another one.
 */
@Component
@RequiredArgsConstructor
class OrderNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ShopTime shopTime;
    private final OrderRepository orders;

    String next() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder number = new StringBuilder("MM-").append(DATE.format(shopTime.today())).append('-');
            for (int i = 0; i < 6; i++) {
                number.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (!orders.existsByNumber(number.toString())) {
                return number.toString();
            }
        }
        throw new IllegalStateException("No free order number after 20 attempts");
    }
}
