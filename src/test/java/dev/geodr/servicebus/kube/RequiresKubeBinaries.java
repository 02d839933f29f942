package dev.geodr.servicebus.kube;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a test class (reported as skipped, with {@link KubeBinaries#skipMessage()}) when the
 * control-plane binaries are absent. A class-level condition is evaluated before any other
 * extension's callbacks, so a {@code @QuarkusTest} is skipped before its profile's test resources
 * or the application start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresKubeBinaries.Condition.class)
public @interface RequiresKubeBinaries {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return KubeBinaries.present()
                    ? ConditionEvaluationResult.enabled(
                            "control-plane binaries in " + KubeBinaries.binDir())
                    : ConditionEvaluationResult.disabled(KubeBinaries.skipMessage());
        }
    }
}
