package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA256) of the visitor's IP and user agent ("device") and of the IP alone ("network"):
 * registration keeps both for the abuse guard, share-link clicks keep the device to recognise the visitor who
 * later registers. The raw IP is never stored, and without the secret the hashes cannot be turned back into
 * addresses by trying them all: hence a keyed MAC and a secret of at least {@value #MIN_SECRET_BYTES} bytes,
 * checked when the application starts.
 */
@Component
public class DeviceFingerprint {

    /** The HMAC-SHA256 key length: a shorter secret can be guessed before the (few billion) IPv4 addresses. */
    public static final int MIN_SECRET_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern ADDRESS_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private final SecretKeySpec key;

    public DeviceFingerprint(@Value("${micromall.device-hash-salt:}") String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("micromall.device-hash-salt (MICROMALL_DEVICE_HASH_SALT) must be a secret of at least "
                    + MIN_SECRET_BYTES + " bytes; it has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        Arrays.fill(bytes, (byte) 0);
        mac(); // fails at start-up, not at the first visitor, if the runtime lacks the algorithm
    }

    /** The device: IP and user agent together. */
    public String of(HttpServletRequest request) {
        String userAgent = Objects.requireNonNullElse(request.getHeader("User-Agent"), "");
        return hash(request.getRemoteAddr(), userAgent);
    }

    public String hash(String ip, String userAgent) {
        return hex("device\n" + ip + "\n" + userAgent);
    }

    /**
     * The network: the IPv4 address, or the /64 prefix of an IPv6 address (one home or phone usually owns a whole
     * /64 and rotates the rest), whatever the browser says about itself. None for the machine's own (loopback)
     * address: that is a proxy in front of the shop or a developer, never a visitor's network.
     */
    public @Nullable String networkOf(HttpServletRequest request) {
        return network(request.getRemoteAddr());
    }

    public @Nullable String network(String ip) {
        String part = networkPart(ip);
        return part == null ? null : hex("network\n" + part);
    }

    private static @Nullable String networkPart(String ip) {
        String literal = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
        if (!ADDRESS_LITERAL.matcher(literal).matches()) {
            return ip; // not an address literal (never from a servlet container): kept as it came
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: parsed, never looked up
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return null;
            }
            byte[] bytes = address.getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address.getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }

    private String hex(String text) {
        return HexFormat.of().formatHex(mac().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A Mac is not thread-safe and cheap to make; one per hash. */
    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }
}
