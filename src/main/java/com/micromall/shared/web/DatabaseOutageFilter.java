package com.micromall.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The outage page for signed-in visitors. Their session is read from the database by a filter (Spring Session,
 * then Spring Security), before any controller runs, and again while an error page is shown; so the failure is
 * caught here, in front of those filters, and the "We'll be right back" page is rendered without them.
 */
@Component
@Order(Integer.MIN_VALUE + 20) // before Spring Session's SessionRepositoryFilter (Integer.MIN_VALUE + 50)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectProvider<ThymeleafViewResolver> views;

    DatabaseOutageFilter(ObjectProvider<ThymeleafViewResolver> views) {
        this.views = views;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            ThymeleafViewResolver resolver = views.getIfAvailable();
            if (!DatabaseOutage.isOutage(e) || response.isCommitted() || resolver == null) {
                throw e;
            }
            log.warn("Database out of reach, answered 503 in front of the session filters: {}", e.getMessage());
            var page = DatabaseOutage.page();
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            // Who is signed in cannot be read now: the page is drawn as for a guest.
            SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("outage",
                    "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            try {
                View view = resolver.resolveViewName(DatabaseOutage.VIEW, request.getLocale());
                if (view == null) {
                    throw e;
                }
                view.render(page.getModel(), request, response);
            } catch (ServletException | IOException | RuntimeException rethrown) {
                throw rethrown;
            } catch (Exception renderFailure) {
                e.addSuppressed(renderFailure);
                throw e;
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
