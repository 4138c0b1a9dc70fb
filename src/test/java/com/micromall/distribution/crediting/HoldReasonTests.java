package com.micromall.distribution.crediting;

import com.micromall.distribution.ledger.HoldReason;
import static org.assertj.core.api.Assertions.assertThat;

import com.micromall.distribution.abuse.AbuseSignal;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hold reasons are stored by name, so each abuse signal must hold under a reason of its own name. */
class HoldReasonTests {

    @Test
    void everyAbuseSignalHoldsUnderTheReasonOfItsOwnName() {
        for (AbuseSignal signal : AbuseSignal.values()) {
            assertThat(CommissionCrediting.holdReasons(List.of(signal))).extracting(Enum::name).containsExactly(signal.name());
        }
    }

    @Test
    void severalSignalsAreStoredTogetherInTheOrderTheGuardFindsThem() {
        String stored = HoldReason.stored(CommissionCrediting.holdReasons(EnumSet.of(AbuseSignal.SAME_EMAIL, AbuseSignal.SHARED_DEVICE,
                AbuseSignal.SHARED_ADDRESS)));

        assertThat(stored).isEqualTo("SHARED_DEVICE,SHARED_ADDRESS,SAME_EMAIL");
        assertThat(HoldReason.names(stored)).containsExactly("SHARED_DEVICE", "SHARED_ADDRESS", "SAME_EMAIL");
        assertThat(CommissionCrediting.holdReasons(List.of())).isEmpty();
    }
}
