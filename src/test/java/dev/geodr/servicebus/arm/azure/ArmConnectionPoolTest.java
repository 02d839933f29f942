package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmConnectionPoolTest {

    @ParameterizedTest(name = "read burst {0} + write burst {1} -> {2} connections")
    @CsvSource({
        // the defaults: a full burst of both kinds in flight at once
        "50, 20, 70",
        // a tiny budget still keeps a few connections for reads, writes and token refreshes
        "1, 1, 8",
        "5, 2, 8",
        "200, 56, 256",
        // a huge budget does not open thousands of sockets
        "2000, 1000, 256",
    })
    void thePoolHoldsOneConnectionPerRequestABurstCanHaveInFlight(
            int readBurst, int writeBurst, int expected) {
        RateLimitSettings limits =
                new RateLimitSettings(
                        10,
                        readBurst,
                        2,
                        writeBurst,
                        0.5,
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(1));
        assertThat(limits.connectionPoolSize()).isEqualTo(expected);

        ArmEndpointSettings settings =
                ArmEndpointSettings.builder()
                        .armEndpoint(URI.create("https://127.0.0.1:8443/"))
                        .rateLimits(limits)
                        .build();
        assertThat(AzureSdkArmPortFactory.armClientOptions(settings).getMaxPoolSize())
                .as("the ARM client's Vert.x pool, not Vert.x's default of 5")
                .isEqualTo(expected);
    }
}
