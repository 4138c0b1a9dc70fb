package com.micromall.settings.internal;

import static com.micromall.settings.CurrencyChangeCheck.tooPreciseFor;

import com.micromall.settings.CurrencyChangeCheck;
import com.micromall.settings.DistributionSettings;
import com.micromall.settings.DistributionSettings.WelcomeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/** The distribution rules' own amounts (not the percentages) must fit a new currency too. */
@Component
@RequiredArgsConstructor
class DistributionAmountsCheck implements CurrencyChangeCheck {

    private final DistributionSettingsStore store;

    @Override
    public List<MessageSourceResolvable> problemsSwitchingTo(Currency target) {
        DistributionSettings rules = store.load();
        List<MessageSourceResolvable> problems = new ArrayList<>();
        check(target, rules.withdrawalMinimum(), "settings.currency.blocked.withdrawalMinimum", problems);
        if (rules.welcomeKind() == WelcomeKind.FIXED) {
            check(target, rules.welcomeValue(), "settings.currency.blocked.welcomeValue", problems);
        } else {
            check(target, rules.welcomeCap(), "settings.currency.blocked.welcomeCap", problems);
        }
        check(target, rules.monthlyBudget(), "settings.currency.blocked.monthlyBudget", problems);
        return problems;
    }

    private static void check(Currency target, @Nullable BigDecimal amount, String code,
                              List<MessageSourceResolvable> problems) {
        if (amount != null && tooPreciseFor(target, amount)) {
            problems.add(new DefaultMessageSourceResolvable(new String[] {code},
                    new Object[] {amount.stripTrailingZeros().toPlainString()}));
        }
    }
}
