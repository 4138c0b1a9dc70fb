package com.micromall.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Event listeners run asynchronously after commit. When one fails, its event stays incomplete in the outbox and is
 * delivered again later, so the failure is a warning to watch, not an error with a stack trace; a listener that
 * postponed its work on purpose ({@link DeliveryPostponedException}) has logged why already. The executor stays
 * Spring Boot's.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (exception, method, params) -> {
            if (exception instanceof DeliveryPostponedException) {
                log.debug("{}.{} postponed ({}); its event stays in the outbox and is retried",
                        method.getDeclaringClass().getSimpleName(), method.getName(), exception.getMessage());
                return;
            }
            log.warn("{}.{} failed ({}: {}); its event stays in the outbox and is retried",
                    method.getDeclaringClass().getSimpleName(), method.getName(), exception.getClass().getSimpleName(),
                    exception.getMessage());
        };
    }
}
