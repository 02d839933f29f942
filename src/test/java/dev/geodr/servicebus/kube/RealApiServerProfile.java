package dev.geodr.servicebus.kube;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The operator against a real kube-apiserver ({@link RealApiServerResource}) with server-side apply
 * on, as in production, and the embedded ARM simulator on a manual clock (the {@code %test}
 * defaults of application.properties).
 *
 * <p>{@code quarkus.operator-sdk.enable-ssa} is a build-time property in QOSDK 7.7.3 ({@code
 * BUILD_AND_RUN_TIME_FIXED}, recorded into the {@code ConfigurationService} at build), so it is set
 * here, in the profile's overrides: a {@code @TestProfile} makes Quarkus re-augment the application
 * with them. {@code crd.apply} is off because the CRD is installed from {@code deploy/} and the
 * operator's ServiceAccount may not touch CRDs. Global test resources (the mock server of
 * {@code @WithKubernetesTestServer}) are disabled for this profile.
 */
public class RealApiServerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.operator-sdk.enable-ssa", "true",
                "quarkus.operator-sdk.crd.apply", "false",
                "quarkus.operator-sdk.crd.validate", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(RealApiServerResource.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
