package com.micromall.shared.web;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open what. Shop pages are public, customer pages need a login, {@code /admin/**}
 * and all actuator endpoints but health need the owner, but for the customer and care pages, which staff may use. CSRF stays on for every form; its token
 * lives in an HttpOnly cookie rather than the session, so a visitor reading product pages (which
 * carry the add-to-cart form) costs no session row - sessions start at login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The cookie that carries a visitor's CSRF token (Spring Security's default name). */
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    /** The form field and the header that carry the token back (Spring Security's default names). */
    static final String CSRF_PARAMETER = "_csrf";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    /**
     * The admin pages staff may use too: customer files and the care pages (visits, follow-ups, notes). Everything
     * else under {@code /admin} - settings, rates, products, orders and money, distributors' earnings - stays the
     * owner's.
     */
    static final String[] STAFF_PAGES = {"/admin/customers", "/admin/customers/**", "/admin/care", "/admin/care/**"};

    /** Only our own host: the shop must work offline and behind a strict CSP. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; font-src 'self' data:; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole("OWNER")
                .requestMatchers("/", "/products", "/products/**", "/r/**", "/cart", "/cart/**",
                        "/register", "/login", "/error", "/error/**",
                        "/register/check-inbox", "/password/forgot", "/password/reset", "/verify", "/satisfaction/*",
                        "/s/**", "/staff/invitation",
                        "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico").permitAll()
                // A group buy's page is what its link is shared as: anyone may see it, joining needs an account.
                .requestMatchers(HttpMethod.GET, "/groups/{id:\\d+}").permitAll()
                .requestMatchers(STAFF_PAGES).hasAnyRole("OWNER", "STAFF")
                .requestMatchers("/admin", "/admin/**").hasRole("OWNER")
                .anyRequest().authenticated())
            .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens()))
            .formLogin(login -> login
                .loginPage("/login")
                .usernameParameter("email")
                .permitAll())
            .logout(logout -> logout
                .logoutUrl("/logout")
                .logoutSuccessUrl("/?loggedOut")
                .permitAll())
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    private static CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setParameterName(CSRF_PARAMETER);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /**
     * No Micrometer observation around each security filter: the request itself is still observed
     * ({@code http.server.requests}), and timing every filter of the chain on every request costs CPU for
     * timers nobody reads.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
