package com.micromall.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.micromall.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commission entry's rules on their own: which moves it allows, and what a refund takes from it. */
class CommissionEntryTests {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final Instant WINDOW_OVER = NOW.minus(Duration.ofHours(1));
    private static final Instant IN_WINDOW = NOW.plus(Duration.ofDays(3));

    private static CommissionEntry entry(LedgerState state, Instant unfreezesAt, String amount, int units,
                                         CommissionEntry.TakenBack... takenBack) {
        return new CommissionEntry(1, 7, 11, 13, 1, units, Money.of(new BigDecimal(amount), CNY), state, unfreezesAt,
                List.of(takenBack));
    }

    private static CommissionEntry.TakenBack reversal(int units, String amount) {
        return new CommissionEntry.TakenBack(2, EntryKind.REVERSAL, units, Money.of(new BigDecimal(amount), CNY));
    }

    @Test
    void aFrozenEntryBecomesAvailableOnceItsReturnWindowIsOver() {
        CommissionEntry entry = entry(LedgerState.FROZEN, WINDOW_OVER, "10.00", 1);

        entry.unfreeze(NOW);

        assertThat(entry.state()).isEqualTo(LedgerState.AVAILABLE);
        assertThat(entry.changes()).containsExactly(
                new CommissionEntry.Change(LedgerState.FROZEN, LedgerState.AVAILABLE, CommissionEntry.UNFROZEN));
    }

    @Test
    void anEntryCannotUnfreezeInsideItsReturnWindowNorFromAnyStateButFrozen() {
        assertThatThrownBy(() -> entry(LedgerState.FROZEN, IN_WINDOW, "10.00", 1).unfreeze(NOW))
                .isInstanceOf(LedgerStateException.class);
        for (LedgerState state : List.of(LedgerState.AVAILABLE, LedgerState.ON_HOLD, LedgerState.REVERSED, LedgerState.VOID)) {
            CommissionEntry entry = entry(state, WINDOW_OVER, "10.00", 1);
            assertThatThrownBy(() -> entry.unfreeze(NOW)).as("unfreeze from %s", state)
                    .isInstanceOf(LedgerStateException.class);
            assertThat(entry.state()).isEqualTo(state);
            assertThat(entry.changes()).isEmpty();
        }
    }

    @Test
    void onlyAFrozenEntryCanBeHeld() {
        CommissionEntry frozen = entry(LedgerState.FROZEN, IN_WINDOW, "10.00", 1);
        frozen.hold("SHARED_DEVICE");
        assertThat(frozen.state()).isEqualTo(LedgerState.ON_HOLD);

        for (LedgerState state : List.of(LedgerState.AVAILABLE, LedgerState.ON_HOLD, LedgerState.REVERSED, LedgerState.VOID)) {
            assertThatThrownBy(() -> entry(state, IN_WINDOW, "10.00", 1).hold("BUDGET")).as("hold from %s", state)
                    .isInstanceOf(LedgerStateException.class);
        }
    }

    @Test
    void aReleasedEntryWaitsOutItsWindowOrIsAvailableAtOnceWhenTheWindowIsOver() {
        CommissionEntry stillInWindow = entry(LedgerState.ON_HOLD, IN_WINDOW, "10.00", 1);
        stillInWindow.release(NOW, "released by the owner");
        assertThat(stillInWindow.state()).isEqualTo(LedgerState.FROZEN);

        CommissionEntry windowOver = entry(LedgerState.ON_HOLD, WINDOW_OVER, "10.00", 1);
        windowOver.release(NOW, "released by the owner");
        assertThat(windowOver.state()).isEqualTo(LedgerState.AVAILABLE);
    }

    @Test
    void onlyAHeldEntryCanBeReleased() {
        for (LedgerState state : List.of(LedgerState.FROZEN, LedgerState.AVAILABLE, LedgerState.REVERSED, LedgerState.VOID)) {
            assertThatThrownBy(() -> entry(state, WINDOW_OVER, "10.00", 1).release(NOW, "released"))
                    .as("release from %s", state).isInstanceOf(LedgerStateException.class);
        }
    }

    @Test
    void frozenAndHeldEntriesCanBeVoidedButAvailableReversedAndVoidOnesCannot() {
        for (LedgerState state : List.of(LedgerState.FROZEN, LedgerState.ON_HOLD)) {
            CommissionEntry entry = entry(state, IN_WINDOW, "10.00", 1);
            entry.voidWith("fake order");
            assertThat(entry.state()).isEqualTo(LedgerState.VOID);
            assertThat(entry.changes()).containsExactly(
                    new CommissionEntry.Change(state, LedgerState.VOID, "voided: fake order"));
        }
        for (LedgerState state : List.of(LedgerState.AVAILABLE, LedgerState.REVERSED, LedgerState.VOID)) {
            assertThatThrownBy(() -> entry(state, WINDOW_OVER, "10.00", 1).voidWith("late"))
                    .as("void from %s", state).isInstanceOf(LedgerStateException.class);
        }
    }

    @Test
    void aPartialRefundBeforeTheWindowEndsIsAReversalInTheEntrysStateAndTheEntryStaysFrozen() {
        CommissionEntry entry = entry(LedgerState.FROZEN, IN_WINDOW, "10.00", 3);

        CommissionEntry.Refund refund = entry.reverse(1).orElseThrow();

        assertThat(refund.kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(refund.units()).isEqualTo(1);
        assertThat(refund.amount()).isEqualTo(Money.of(new BigDecimal("-3.33"), CNY));
        assertThat(refund.state()).isEqualTo(LedgerState.FROZEN);
        assertThat(entry.state()).isEqualTo(LedgerState.FROZEN);
    }

    @Test
    void theRefundThatEmptiesTheLineTakesWhatIsLeftAndReversesTheWholeEntry() {
        CommissionEntry entry = entry(LedgerState.FROZEN, IN_WINDOW, "10.00", 3, reversal(1, "-3.33"));

        CommissionEntry.Refund refund = entry.reverse(5).orElseThrow();

        assertThat(refund.units()).isEqualTo(2);
        assertThat(refund.amount()).isEqualTo(Money.of(new BigDecimal("-6.67"), CNY));
        assertThat(refund.state()).isEqualTo(LedgerState.FROZEN);
        assertThat(entry.state()).isEqualTo(LedgerState.REVERSED);
        assertThat(entry.changes()).extracting(CommissionEntry.Change::to).containsExactly(LedgerState.REVERSED);
    }

    @Test
    void aRefundAfterTheWindowIsAClawbackAndTheEntryStaysAvailable() {
        CommissionEntry entry = entry(LedgerState.AVAILABLE, WINDOW_OVER, "10.00", 2);

        CommissionEntry.Refund refund = entry.reverse(2).orElseThrow();

        assertThat(refund.kind()).isEqualTo(EntryKind.CLAWBACK);
        assertThat(refund.amount()).isEqualTo(Money.of(new BigDecimal("-10.00"), CNY));
        assertThat(entry.state()).isEqualTo(LedgerState.AVAILABLE);
    }

    @Test
    void nothingIsTakenFromAReversedOrVoidEntryNorFromUnitsAlreadyTakenBack() {
        assertThat(entry(LedgerState.REVERSED, IN_WINDOW, "10.00", 1).reverse(1)).isEmpty();
        assertThat(entry(LedgerState.VOID, IN_WINDOW, "10.00", 1).reverse(1)).isEmpty();
        assertThat(entry(LedgerState.AVAILABLE, WINDOW_OVER, "10.00", 2,
                new CommissionEntry.TakenBack(3, EntryKind.CLAWBACK, 2, Money.of(new BigDecimal("-10.00"), CNY)))
                .reverse(1)).isEmpty();
    }

    @Test
    void theAmountsAddUpToTheOriginalToTheCentWhateverTheRefundsAre() {
        List<CommissionEntry.TakenBack> taken = new ArrayList<>();
        for (int refunded : new int[] {1, 2, 1, 3}) {
            CommissionEntry entry = entry(LedgerState.FROZEN, IN_WINDOW, "10.01", 7,
                    taken.toArray(CommissionEntry.TakenBack[]::new));
            CommissionEntry.Refund refund = entry.reverse(refunded).orElseThrow();
            taken.add(new CommissionEntry.TakenBack(taken.size() + 2, refund.kind(), refund.units(), refund.amount()));
        }
        assertThat(taken.stream().map(CommissionEntry.TakenBack::amount).reduce(Money::plus).orElseThrow())
                .isEqualTo(Money.of(new BigDecimal("-10.01"), CNY));
    }

    @Test
    void aCommissionIsPositive() {
        assertThatThrownBy(() -> entry(LedgerState.FROZEN, IN_WINDOW, "0.00", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
