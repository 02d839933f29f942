package dev.geodr.servicebus.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonsTest {

    @Test
    void everyReasonIsAValidMetav1ConditionReason() throws IllegalAccessException {
        List<String> reasons = new ArrayList<>();
        for (Field f : Reasons.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                reasons.add((String) f.get(null));
            }
        }
        assertThat(reasons)
                .contains(
                        "Paired",
                        "Pairing",
                        "Breaking",
                        "FailingOver",
                        "FailedOver",
                        "Deleting",
                        "InvalidSpec",
                        "AzureError",
                        "Throttled",
                        "ReplicationPending",
                        "NotPaired",
                        "Unreachable");
        assertThat(reasons)
                .allSatisfy(r -> assertThat(r).matches("^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"));
        assertThat(reasons).doesNotHaveDuplicates();
    }
}
