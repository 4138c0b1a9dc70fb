package com.micromall.catalog.web;

import com.micromall.shared.NotFoundException;

/** Ids come from URLs anyone can type: anything that is not a positive number is simply "not found". */
final class Ids {

    private Ids() {
    }

    static long parse(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to not found
        }
        throw new NotFoundException("no such id: " + raw);
    }
}
