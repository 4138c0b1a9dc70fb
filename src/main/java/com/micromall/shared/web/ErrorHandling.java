package com.micromall.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Somebody else changed the same thing at the same moment: tell the visitor kindly (409)
 * instead of showing a stack trace. Not-found is {@link com.micromall.shared.NotFoundException}.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler({ConcurrencyFailureException.class, DataIntegrityViolationException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(RuntimeException e) {
        log.info("Concurrent or conflicting change refused: {}", e.getMessage());
        return "error/409";
    }
}
