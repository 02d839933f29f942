package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CRD's enums mirror domain enums and are mapped by constant name (FailoverMemoryCodec,
 * PromotionLedgerCodec): a constant added on one side only would fail at runtime in valueOf, on a
 * status some user wrote.
 */
class MirroredEnumsTest {

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.FailoverMode.class,
                        dev.geodr.servicebus.arm.FailoverMode.class),
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.FailoverPhase.class,
                        dev.geodr.servicebus.pairing.FailoverPhase.class),
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.FailoverOutcome.class,
                        dev.geodr.servicebus.pairing.FailoverOutcome.class),
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.PromotionMode.class,
                        dev.geodr.servicebus.georeplication.PromotionMode.class),
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.PromotionPhase.class,
                        dev.geodr.servicebus.georeplication.PromotionPhase.class),
                Arguments.of(
                        dev.geodr.servicebus.api.v1alpha1.PromotionOutcome.class,
                        dev.geodr.servicebus.georeplication.PromotionOutcome.class));
    }

    @ParameterizedTest(name = "{0} ↔ {1}")
    @MethodSource("pairs")
    void sameConstantsInTheSameOrder(
            Class<? extends Enum<?>> api, Class<? extends Enum<?>> domain) {
        assertThat(names(api)).isNotEmpty().isEqualTo(names(domain));
    }

    private static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
