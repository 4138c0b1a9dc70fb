package com.micromall.shared.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A signed-in customer's session row is written when something in it changes, and otherwise at most once a
 * {@link #STEP}: Spring Session moves a session's last access time on every request, which made every page view an
 * UPDATE of the row (and its lock) although nothing else changed. A session therefore expires up to one step earlier
 * than its timeout says (a minute of two hours, or of the owner's thirty minutes).
 */
@Configuration(proxyBeanMethods = false)
class SessionTouch {

    static final Duration STEP = Duration.ofMinutes(1);

    /** Wraps Spring Session's JDBC repository (the auto-configured one stays, with its settings and clean-up). */
    @Bean
    static BeanPostProcessor sessionTouchEveryStep() {
        return new BeanPostProcessor() {
            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof FindByIndexNameSessionRepository<?> sessions && !(bean instanceof Sessions)) {
                    return new Sessions((FindByIndexNameSessionRepository<Session>) sessions);
                }
                return bean;
            }
        };
    }

    /** The repository's sessions, each in a {@link Visit}. */
    static final class Sessions implements FindByIndexNameSessionRepository<Visit>, DisposableBean {

        private final FindByIndexNameSessionRepository<Session> delegate;

        Sessions(FindByIndexNameSessionRepository<Session> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Visit createSession() {
            return new Visit(delegate.createSession());
        }

        @Override
        public void save(Visit visit) {
            delegate.save(visit.session);
        }

        @Override
        public @Nullable Visit findById(String id) {
            Session session = delegate.findById(id);
            return session == null ? null : new Visit(session);
        }

        @Override
        public void deleteById(String id) {
            delegate.deleteById(id);
        }

        @Override
        public Map<String, Visit> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, Visit> found = new LinkedHashMap<>();
            delegate.findByIndexNameAndIndexValue(indexName, indexValue)
                    .forEach((id, session) -> found.put(id, new Visit(session)));
            return found;
        }

        /** The JDBC repository stops its clean-up scheduler when the context closes; this bean stands in for it. */
        @Override
        public void destroy() throws Exception {
            if (delegate instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }
    }

    /** A session whose last access time moves only once it is a step old. */
    static final class Visit implements Session {

        private final Session session;

        Visit(Session session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(session.getLastAccessedTime(), lastAccessedTime).compareTo(STEP) >= 0) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
