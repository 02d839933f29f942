package dev.geodr.servicebus.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One row of a §9.4 table: a starting situation, one operation, the answer (status, error code, a
 * piece of the message) and the record states of namespaces a and b afterwards.
 */
record TableRow(
        String name,
        UnaryOperator<SimFixture> given,
        Function<SimFixture, ArmResult> when,
        int status,
        String code,
        String messagePart,
        RecordState expectA,
        RecordState expectB,
        boolean checkStates) {

    static TableRow row(
            String name,
            UnaryOperator<SimFixture> given,
            Function<SimFixture, ArmResult> when,
            int status,
            String code,
            String messagePart,
            RecordState a,
            RecordState b) {
        return new TableRow(name, given, when, status, code, messagePart, a, b, true);
    }

    /** A row where the resulting states are not the point (e.g. a missing namespace). */
    static TableRow answer(
            String name,
            UnaryOperator<SimFixture> given,
            Function<SimFixture, ArmResult> when,
            int status,
            String code,
            String messagePart) {
        return new TableRow(name, given, when, status, code, messagePart, null, null, false);
    }

    void verify(SimFixture f) {
        f = given.apply(f);
        ArmResult r = when.apply(f);
        assertThat(r.status()).as(name + ": status (error " + r.error() + ")").isEqualTo(status);
        assertThat(r.code()).as(name + ": code").isEqualTo(code);
        if (messagePart != null) {
            assertThat(r.error().message()).as(name + ": message").contains(messagePart);
        }
        if (r.error() != null
                && !r.error().gateway()
                && r.error().message().startsWith("[simulator]")) {
            // invented texts are marked; real ones never are
            assertThat(r.error().message()).startsWith(ErrorTemplates.SIM);
        }
        if (checkStates) {
            assertThat(f.stateOf(f.a)).as(name + ": state of a").isEqualTo(expectA);
            assertThat(f.stateOf(f.b)).as(name + ": state of b").isEqualTo(expectB);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
