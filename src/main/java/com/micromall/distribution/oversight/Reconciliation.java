package com.micromall.distribution.oversight;

import com.micromall.distribution.ledger.DistributionApi;
import com.micromall.distribution.ledger.EntrySums;
import com.micromall.distribution.ledger.EntrySums.Sums;
import com.micromall.distribution.ledger.Payouts;

import com.micromall.settings.ShopSettingsService;
import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the books: every distributor's cached balances ({@link DistributionApi#balancesOf}, however they are
 * stored) against the same figures summed from the rows, to the cent, and, for each distributor and the shop,
 *
 * <pre>paid out + credit spent + owed + clawed back + voided + paid as points = credited − reversed</pre>
 *
 * where, following DESIGN.md's ledger rules,
 * <ul>
 * <li><b>credited</b> is the sum of every COMMISSION entry, whatever its state now: all commission ever written;</li>
 * <li><b>reversed</b> is minus the sum of REVERSAL entries: refunded shares taken back before the return window ended;</li>
 * <li><b>paid out</b> is the PAID withdrawals, fee included (the whole amount left the balance; the fee is the shop's);</li>
 * <li><b>credit spent</b> is the cash value of store credit spent at checkout and not given back: a store-credit
 *     distributor is paid in goods, not through withdrawals;</li>
 * <li><b>owed</b> is frozen + on hold + available + withdrawing, available being net of withdrawals, spends and
 *     clawbacks (it may be negative); held money is owed until the owner decides;</li>
 * <li><b>clawed back</b> is minus the sum of CLAWBACK entries: refunded shares taken back after the window (the
 *     cached figure for cash and store credit, the entries for points);</li>
 * <li><b>paid as points</b> is what POINTS entries (commission less reversals and clawbacks) still hold, frozen, on
 *     hold or available: commission the sharer takes as points, which no cash account holds;</li>
 * <li><b>voided</b> is the net of the entries the owner voided (commission less what a refund had reversed of it
 *     before): credited, never owed, so without this term every void would unbalance the books.</li>
 * </ul>
 * The owed side uses the cached balances and credited, reversed and voided the entries, so the identity fails when a
 * cached figure drifts, and when a fully refunded entry's reversals do not add up to exactly its amount (kept +
 * reversed must equal the original). Expected commission of open orders is no ledger money and is not checked; nor
 * is staff commission (level 0), which the shop pays with wages and no sharer's account holds.
 *
 * <p>Each side comes from its keeper: the entries' sums from the ledger ({@link EntrySums}), withdrawals and store
 * credit spent from payout ({@link Payouts}), the cached balances from {@link DistributionApi#balancesOf}; the check
 * reads them in one repeatable-read transaction, so all three see the same moment.
 */
@Service
@RequiredArgsConstructor
public class Reconciliation {

    private final EntrySums entrySums;
    private final DistributionApi balances;
    private final Payouts payouts;
    private final ShopSettingsService shopSettings;

    /** The figures a distributor's balances show; {@code clawedBack} and {@code creditSpent} are positive. */
    public record Figures(Money frozen, Money onHold, Money available, Money withdrawing, Money withdrawn,
                          Money clawedBack, Money creditSpent) {

        static Figures of(DistributionApi.Balances b) {
            return new Figures(b.frozen(), b.onHold(), b.available(), b.withdrawing(), b.withdrawn(), b.clawedBack(),
                    b.creditSpent());
        }

        /** What the shop still owes: frozen + on hold + available + withdrawing. */
        public Money owed() {
            return frozen.plus(onHold).plus(available).plus(withdrawing);
        }

        Figures plus(Figures o) {
            return new Figures(frozen.plus(o.frozen), onHold.plus(o.onHold), available.plus(o.available),
                    withdrawing.plus(o.withdrawing), withdrawn.plus(o.withdrawn), clawedBack.plus(o.clawedBack),
                    creditSpent.plus(o.creditSpent));
        }

        Map<String, Money> byName() {
            var named = new java.util.LinkedHashMap<String, Money>();
            named.put("frozen", frozen);
            named.put("onHold", onHold);
            named.put("available", available);
            named.put("withdrawing", withdrawing);
            named.put("withdrawn", withdrawn);
            named.put("clawedBack", clawedBack);
            named.put("creditSpent", creditSpent);
            return named;
        }
    }

    /**
     * Credited, reversed and voided (every reward form), and what POINTS entries hold and had clawed back (positive):
     * known only from the entries.
     */
    public record Entries(Money credited, Money reversed, Money voided, Money paidAsPoints, Money pointsClawedBack) {

        Entries plus(Entries o) {
            return new Entries(credited.plus(o.credited), reversed.plus(o.reversed), voided.plus(o.voided),
                    paidAsPoints.plus(o.paidAsPoints), pointsClawedBack.plus(o.pointsClawedBack));
        }
    }

    /** Both sides of the identity, from the cached balances and the entries. */
    public record Identity(Figures cached, Entries entries) {

        /** paid out + credit spent + owed + clawed back + voided + paid as points. */
        public Money accountedFor() {
            return cached.withdrawn().plus(cached.creditSpent()).plus(cached.owed()).plus(clawedBack())
                    .plus(entries.voided()).plus(entries.paidAsPoints());
        }

        /** Clawed back of every form: the cash accounts' figure and the POINTS clawbacks. */
        public Money clawedBack() {
            return cached.clawedBack().plus(entries.pointsClawedBack());
        }

        /** credited − reversed. */
        public Money earned() {
            return entries.credited().minus(entries.reversed());
        }

        public boolean holds() {
            return accountedFor().compareTo(earned()) == 0;
        }
    }

    /** One figure that differs; for the identity, cached = accounted for and recomputed = credited − reversed. */
    public record Difference(String figure, Money cached, Money recomputed) {
    }

    public record Unbalanced(long distributorId, List<Difference> differences) {
    }

    /** @param distributors how many distributors have rows (entries, withdrawals or spends) and were checked */
    public record Result(Identity shop, List<Unbalanced> unbalanced, int distributors) {

        public boolean balanced() {
            return unbalanced.isEmpty() && shop.holds();
        }
    }

    /** Every distributor with ledger rows, and the shop in total. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result check() {
        return check(null);
    }

    /** Only these distributors (the shop total is then theirs). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Result check(@Nullable Collection<Long> distributorIds) {
        Currency currency = shopSettings.current().currency();
        if (distributorIds != null && distributorIds.isEmpty()) {
            return new Result(new Identity(zeroFigures(currency), zeroEntries(currency)), List.of(), 0);
        }
        Map<Long, Sums> entries = entrySums.byDistributor(distributorIds);
        Map<Long, BigDecimal> spent = payouts.creditSpentByDistributor(distributorIds);
        Map<Long, Payouts.Withdrawn> withdrawals = payouts.withdrawalsByDistributor(distributorIds);
        TreeSet<Long> ids = new TreeSet<>(entries.keySet());
        ids.addAll(spent.keySet());
        ids.addAll(withdrawals.keySet());
        if (distributorIds != null) {
            ids.addAll(distributorIds);
        }
        Figures shopCached = zeroFigures(currency);
        Entries shopEntries = zeroEntries(currency);
        List<Unbalanced> unbalanced = new ArrayList<>();
        for (long id : ids) {
            Sums sums = entries.getOrDefault(id, Sums.NONE);
            Payouts.Withdrawn out = withdrawals.getOrDefault(id, new Payouts.Withdrawn(BigDecimal.ZERO, BigDecimal.ZERO));
            BigDecimal creditSpent = spent.getOrDefault(id, BigDecimal.ZERO);
            Figures recomputed = new Figures(money(sums.frozen(), currency), money(sums.onHold(), currency),
                    money(sums.available().subtract(out.withdrawing()).subtract(out.withdrawn()).subtract(creditSpent), currency),
                    money(out.withdrawing(), currency), money(out.withdrawn(), currency),
                    money(sums.clawedBack(), currency), money(creditSpent, currency));
            Entries ofEntries = new Entries(money(sums.credited(), currency), money(sums.reversed(), currency),
                    money(sums.voided(), currency), money(sums.asPoints(), currency), money(sums.pointsClawedBack(), currency));
            Figures cached = Figures.of(balances.balancesOf(id));
            List<Difference> differences = new ArrayList<>();
            Map<String, Money> recomputedByName = recomputed.byName();
            cached.byName().forEach((figure, money) -> {
                if (money.compareTo(recomputedByName.get(figure)) != 0) {
                    differences.add(new Difference(figure, money, recomputedByName.get(figure)));
                }
            });
            Identity identity = new Identity(cached, ofEntries);
            if (!identity.holds()) {
                differences.add(new Difference("identity", identity.accountedFor(), identity.earned()));
            }
            if (!differences.isEmpty()) {
                unbalanced.add(new Unbalanced(id, List.copyOf(differences)));
            }
            shopCached = shopCached.plus(cached);
            shopEntries = shopEntries.plus(ofEntries);
        }
        return new Result(new Identity(shopCached, shopEntries), List.copyOf(unbalanced), ids.size());
    }

    /** Rounded like the balances are shown: toward zero, to the shop currency's minor unit. */
    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency, RoundingMode.DOWN);
    }

    private static Figures zeroFigures(Currency currency) {
        Money zero = Money.zero(currency);
        return new Figures(zero, zero, zero, zero, zero, zero, zero);
    }

    private static Entries zeroEntries(Currency currency) {
        Money zero = Money.zero(currency);
        return new Entries(zero, zero, zero, zero, zero);
    }
}
