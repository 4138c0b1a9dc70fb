package com.micromall.settings;

import java.util.Currency;
import java.util.List;
import lombok.Getter;
import org.springframework.context.MessageSourceResolvable;

/** The owner asked for a currency that some stored amounts cannot be expressed in; nothing was saved. */
@Getter
public class CurrencyChangeRefused extends RuntimeException {

    private final Currency target;
    private final List<MessageSourceResolvable> problems;

    public CurrencyChangeRefused(Currency target, List<MessageSourceResolvable> problems) {
        super("Cannot switch the shop to " + target.getCurrencyCode() + ": " + problems.size() + " kinds of amounts do not fit");
        this.target = target;
        this.problems = List.copyOf(problems);
    }
}
