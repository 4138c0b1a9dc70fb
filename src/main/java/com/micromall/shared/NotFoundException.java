package com.micromall.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Something the visitor asked for does not exist for them. Also used where it exists but
 * belongs to someone else: a 404 leaks nothing, a 403 would confirm the id is real.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
