package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.FailoverMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which actions write to ARM (and so are counted and rate-limited as writes). */
class ActionTest {

    @Test
    void onlyArmCallsWrite() {
        assertThat(new Action.None().writesToArm()).isFalse();
        assertThat(new Action.ReleaseFinalizer().writesToArm()).isFalse();
        assertThat(new Action.CreatePairing(WEU, NEU, "orders", Optional.empty()).writesToArm())
                .isTrue();
        assertThat(new Action.BreakPairing(WEU, "orders").writesToArm()).isTrue();
        assertThat(new Action.Failover(NEU, "orders", FailoverMode.Safe).writesToArm()).isTrue();
        assertThat(new Action.DeleteAlias(NEU, "orders").writesToArm()).isTrue();
    }
}
