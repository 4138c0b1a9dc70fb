package com.micromall.customer.web;

import com.micromall.customer.CustomerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts an account into the visitor's session, as a form login would. Spring Security 7 does not
 * save a context set by hand, so it is saved explicitly; the session id changes so a planted
 * session id cannot ride along into the logged-in session.
 */
@Component
class SessionLogin {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    void logIn(CustomerPrincipal principal, HttpServletRequest request, HttpServletResponse response, boolean newSession) {
        principal.eraseCredentials();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        holder.setContext(context);
        if (newSession) {
            request.getSession(true);
            request.changeSessionId();
        }
        repository.saveContext(context, request, response);
    }
}
