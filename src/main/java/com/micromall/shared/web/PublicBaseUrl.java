package com.micromall.shared.web;

import java.net.URI;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's public address ({@code micromall.base-url}), which links in e-mails point at. In production
 * ({@code micromall.base-url-must-be-https}) it must be https: a plain-http link in an order mail would send the
 * customer's session over the open network, so the app refuses to start with one. Localhost is allowed, for trying
 * the production profile on one machine.
 */
@Component
public class PublicBaseUrl {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String url;

    PublicBaseUrl(@Value("${micromall.base-url:http://localhost:8080}") String url,
                  @Value("${micromall.base-url-must-be-https:false}") boolean mustBeHttps) {
        URI address = URI.create(url.strip());
        if (mustBeHttps && !"https".equalsIgnoreCase(address.getScheme())
                && !LOCAL_HOSTS.contains(String.valueOf(address.getHost()).toLowerCase())) {
            throw new IllegalStateException("micromall.base-url (MICROMALL_BASE_URL) is " + url
                    + ": links in e-mails must use the shop's public https address, e.g. https://shop.example.com");
        }
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The address without a trailing slash, to put a path after. */
    public String url() {
        return url;
    }
}
