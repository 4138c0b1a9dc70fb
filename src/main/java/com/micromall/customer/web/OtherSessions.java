package com.micromall.customer.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Signs an account out everywhere but here: after a password change, a browser that knew the old password
 * (or a stolen session) must not stay in. Spring Session indexes each stored session by its principal's name.
 */
@Component
@RequiredArgsConstructor
class OtherSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    void end(String principalName, HttpServletRequest request) {
        HttpSession current = request.getSession(false);
        @Nullable String keep = current == null ? null : current.getId();
        sessions.ifAvailable(repository -> repository.findByPrincipalName(principalName).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(repository::deleteById));
    }
}
