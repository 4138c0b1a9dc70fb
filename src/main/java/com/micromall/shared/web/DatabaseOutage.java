package com.micromall.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.DefaultErrorViewResolver;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * The database cannot be reached: the visitor gets the shop's "We'll be right back" page with a 503, not a 500 or
 * the server's bare page. {@link ErrorHandling} shows it for failures in a controller; this resolver for the ones
 * that reach the error page another way (a page's template or a filter reading the database). Boot's own resolver
 * (error/404.html and so on) steps back when an application defines one, so every other error is handed to it.
 */
@Component
class DatabaseOutage implements ErrorViewResolver {

    static final String VIEW = "error/503";

    /**
     * The layout's values that read the database when a page uses them; the outage page must render without
     * them (each would wait for a connection first).
     */
    private static final String[] LAYOUT_VALUES = {"shop", "cartCount", "invitation", "shareBox"};

    private final ErrorAttributes errorAttributes;
    private final ErrorViewResolver otherErrors;

    DatabaseOutage(ErrorAttributes errorAttributes, ApplicationContext context, WebProperties web) {
        this.errorAttributes = errorAttributes;
        this.otherErrors = new DefaultErrorViewResolver(context, web.getResources());
    }

    @Override
    public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return isOutage(errorAttributes.getError(new ServletWebRequest(request))) ? page()
                : otherErrors.resolveErrorView(request, status, model);
    }

    static ModelAndView page() {
        Map<String, @Nullable Object> model = new HashMap<>();
        for (String name : LAYOUT_VALUES) {
            model.put(name, null);
        }
        return new ModelAndView(VIEW, model, HttpStatus.SERVICE_UNAVAILABLE);
    }

    /** Whether the failure (or one of its causes) says no connection to the database could be had or kept. */
    static boolean isOutage(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // 08: connection exception; 57P01-57P03: the server shut the session down or does not accept any now.
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            // Hikari closes a connection the server dropped mid-transaction; the rollback then fails with this
            // (no SQL state), and it replaces the original failure.
            if (cause instanceof SQLException sql && sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
