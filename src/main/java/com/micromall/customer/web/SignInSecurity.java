package com.micromall.customer.web;

import com.micromall.customer.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form's guards, added to the shop's security chain as a customizer: the throttle is asked before the
 * password is checked, and a session's length follows who signed in - the owner's ends after half an hour idle,
 * a customer's after the default two hours unless they ticked "keep me signed in" (Spring Session's remember-me
 * keeps that session for 30 days).
 */
@Configuration(proxyBeanMethods = false)
class SignInSecurity {

    static final Duration OWNER_IDLE = Duration.ofMinutes(30);
    static final Duration REMEMBERED = Duration.ofDays(30);
    static final String REMEMBER_ME_PARAMETER = "remember-me";

    private final SignInThrottle throttle;

    SignInSecurity(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Bean
    SpringSessionRememberMeServices rememberMeServices() {
        SpringSessionRememberMeServices services = new SpringSessionRememberMeServices();
        services.setRememberMeParameterName(REMEMBER_ME_PARAMETER);
        services.setValiditySeconds((int) REMEMBERED.toSeconds());
        return services;
    }

    @Bean
    Customizer<HttpSecurity> signInGuards(SpringSessionRememberMeServices rememberMe) {
        return http -> {
            try {
                http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                    .rememberMe(remember -> remember.rememberMeServices(rememberMe))
                    .formLogin(login -> login.successHandler(new SessionLength(throttle)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A wrong password (or an unknown e-mail) counts against the e-mail and the address it came from. */
    @EventListener
    void loginFailed(AuthenticationFailureBadCredentialsEvent event) {
        Authentication attempt = event.getAuthentication();
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            throttle.loginFailed(attempt.getName(), details.getRemoteAddress());
        }
    }

    /** Refuses a login for a throttled e-mail or address before its password is looked at. */
    static final class LoginThrottleFilter extends OncePerRequestFilter {

        private final RequestMatcher loginForm = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");
        private final SignInThrottle throttle;

        LoginThrottleFilter(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !loginForm.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String email = Optional.ofNullable(request.getParameter("email")).orElse("");
            Optional<Duration> wait = throttle.loginWait(email, request.getRemoteAddr());
            if (wait.isPresent()) {
                response.sendRedirect(request.getContextPath() + "/login?locked=" + SignInThrottle.minutes(wait.get()));
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** After a successful login: the account's failures are forgotten and the session gets its length. */
    static final class SessionLength extends SavedRequestAwareAuthenticationSuccessHandler {

        private final SignInThrottle throttle;

        SessionLength(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                            Authentication authentication) throws ServletException, IOException {
            throttle.loginSucceeded(authentication.getName());
            HttpSession session = request.getSession(false);
            if (session != null && authentication.getAuthorities().stream()
                    .anyMatch(authority -> Role.OWNER.authority().equals(authority.getAuthority())
                            || Role.STAFF.authority().equals(authority.getAuthority()))) {
                // Remember-me is for shoppers: the accounts that run the shop never stay signed in unattended.
                session.setMaxInactiveInterval((int) OWNER_IDLE.toSeconds());
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
