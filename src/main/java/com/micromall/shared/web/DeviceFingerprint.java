package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A salted SHA-256 of the visitor's IP and user agent: registration keeps it for the abuse guard's
 * "same device" check and share-link clicks keep it to recognise the visitor who later registers.
 * One recipe, so the two can be matched. The raw IP is never stored: without the salt the hash
 * cannot be turned back into it.
 */
@Component
public class DeviceFingerprint {

    private final String salt;

    public DeviceFingerprint(@Value("${micromall.device-hash-salt}") String salt) {
        this.salt = salt;
    }

    public String of(HttpServletRequest request) {
        String userAgent = Objects.requireNonNullElse(request.getHeader("User-Agent"), "");
        return hash(request.getRemoteAddr(), userAgent);
    }

    public String hash(String ip, String userAgent) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((salt + "\n" + ip + "\n" + userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
