package com.micromall.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away form input with invisible control characters (a NUL byte and the like; tab and line breaks
 * are fine) with the shop's "check what you typed" page, before sign-in or any form reads it: PostgreSQL
 * cannot store a NUL in text, and such input is never typed by a person.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ControlCharacterFilter extends OncePerRequestFilter {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isMultipart(request) && hasControlCharacter(request)) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request, response);
    }

    /** Uploads are checked by their own rules; reading their parts here would bypass the size check. */
    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    private static boolean hasControlCharacter(HttpServletRequest request) {
        for (var parameter : request.getParameterMap().entrySet()) {
            if (CONTROL.matcher(parameter.getKey()).find()) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (value != null && CONTROL.matcher(value).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
