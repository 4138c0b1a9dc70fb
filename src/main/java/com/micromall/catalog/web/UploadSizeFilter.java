package com.micromall.catalog.web;

import com.micromall.catalog.internal.ProductAdministration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Sends an owner whose picture is too large back to the product form with a message. It runs before Spring
 * Security because the CSRF check reads the form, and Tomcat answers that read of an oversized body with a bare
 * "413" page; it only redirects, so skipping the login check stores nothing.
 */
@Component
@Order(-110) // before Spring Security's filter chain (-100)
class UploadSizeFilter extends OncePerRequestFilter {

    /** Room for the multipart envelope around the file (boundaries, headers, CSRF field). */
    private static final long ENVELOPE = 16 * 1024;

    private static final Pattern IMAGE_UPLOAD = Pattern.compile("^/admin/products/(\\d+)/images$");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher upload = IMAGE_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if ("POST".equals(request.getMethod()) && upload.matches()) {
            long length = request.getContentLengthLong();
            if (length > ProductAdministration.MAX_IMAGE_BYTES + ENVELOPE) {
                response.sendRedirect(request.getContextPath() + "/admin/products/" + upload.group(1)
                        + "/edit?upload=tooLarge#pictures");
                return;
            }
        }
        try {
            chain.doFilter(request, response);
        } catch (MaxUploadSizeExceededException e) {
            // Chunked uploads carry no length: the multipart limit catches them instead.
            if (!upload.matches() || response.isCommitted()) {
                throw e;
            }
            response.sendRedirect(request.getContextPath() + "/admin/products/" + upload.group(1)
                    + "/edit?upload=tooLarge#pictures");
        }
    }
}
