package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeaders;
import com.azure.identity.CredentialUnavailableException;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.Exceptions;

/**
 * Failures that never reach ARM, and the status table; ARM's own bodies run through the SDK in
 * AzureSdkArmPortErrorTableTest.
 */
class ArmErrorClassifierTest {

    private final MutableClock clock = MutableClock.atEpochPlus(0);
    private final ArmErrorClassifier classifier = new ArmErrorClassifier(clock);

    @ParameterizedTest
    @CsvSource({
        "400, CONFLICT", "409, CONFLICT", "412, CONFLICT", "404, NOT_FOUND", "429, THROTTLED",
        "408, TRANSIENT", "500, TRANSIENT", "502, TRANSIENT", "503, TRANSIENT", "504, TRANSIENT",
        "401, FATAL", "403, FATAL", "405, FATAL", "422, FATAL", "301, FATAL"
    })
    void statusTable(int status, ArmErrorKind kind) {
        assertThat(ArmErrorClassifier.kindForStatus(status)).isEqualTo(kind);
    }

    @Test
    void connectionRefusedIsTransientWithoutStatus() {
        ArmException e =
                classifier.classify(new ConnectException("Connection refused: /127.0.0.1:1"));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(e.httpStatus()).isZero();
        assertThat(e.code()).isEqualTo("ConnectionFailed");
        assertThat(e.getMessage())
                .isEqualTo(
                        "Could not reach ARM: ConnectException: Connection refused: /127.0.0.1:1");
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void ioErrorsWrappedByReactorAreTransient() {
        ArmException e =
                classifier.classify(
                        Exceptions.propagate(new IOException("Connection reset by peer")));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(e.code()).isEqualTo("ConnectionFailed");
        assertThat(classifier.classify(new UncheckedIOException(new IOException("closed"))).kind())
                .isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(
                        classifier
                                .classify(
                                        new RuntimeException(
                                                new UnknownHostException("management.azure.com")))
                                .kind())
                .isEqualTo(ArmErrorKind.TRANSIENT);
    }

    @Test
    void timeoutsAreTransient() {
        for (Throwable t :
                new Throwable[] {
                    new TimeoutException("Did not observe any item"),
                    new SocketTimeoutException("Read timed out"),
                    Exceptions.propagate(new TimeoutException("x"))
                }) {
            ArmException e = classifier.classify(t);
            assertThat(e.kind()).as(t.toString()).isEqualTo(ArmErrorKind.TRANSIENT);
            assertThat(e.code()).isEqualTo("Timeout");
            assertThat(e.httpStatus()).isZero();
        }
    }

    @Test
    void untrustedCertificateIsFatal() {
        ArmException e =
                classifier.classify(
                        new RuntimeException(
                                new SSLHandshakeException("PKIX path building failed")));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
        assertThat(e.code()).isEqualTo("TlsFailure");
    }

    @Test
    void missingCredentialIsFatal() {
        ArmException e =
                classifier.classify(
                        new CredentialUnavailableException(
                                "EnvironmentCredential authentication unavailable."));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
        assertThat(e.code()).isEqualTo("AuthenticationFailed");
    }

    @Test
    void rejectedSecretIsFatalButUnreachableAzureAdIsTransient() {
        ArmException rejected =
                classifier.classify(
                        new ClientAuthenticationException(
                                "AADSTS7000215: Invalid client secret provided. Trace ID: 0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b "
                                        + "Correlation ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d Timestamp: 2026-01-01 10:00:00Z",
                                null));
        assertThat(rejected.kind()).isEqualTo(ArmErrorKind.FATAL);
        assertThat(rejected.getMessage())
                .isEqualTo(
                        "Azure AD authentication failed: AADSTS7000215: Invalid client secret provided.");
        ArmException unreachable =
                classifier.classify(
                        new ClientAuthenticationException(
                                "token request failed",
                                null,
                                new ConnectException("Connection refused")));
        assertThat(unreachable.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
    }

    @Test
    void anArmExceptionPassesThroughUnchanged() {
        ArmException original =
                new ArmException(
                        ArmErrorKind.THROTTLED,
                        0,
                        "ClientThrottled",
                        "x",
                        Duration.ofSeconds(1),
                        null);
        assertThat(classifier.classify(new RuntimeException(original))).isSameAs(original);
    }

    @Test
    void unexpectedBugsAreFatal() {
        ArmException e = classifier.classify(new IllegalStateException("boom"));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
        assertThat(e.code()).isEqualTo("ClientError");
    }

    @Test
    void retryAfterAsHttpDate() {
        HttpHeaders headers = new HttpHeaders().set("Retry-After", "Thu, 01 Jan 2026 00:00:42 GMT");
        assertThat(classifier.retryAfter(headers)).contains(Duration.ofSeconds(42));
        HttpHeaders past = new HttpHeaders().set("Retry-After", "Wed, 31 Dec 2025 23:59:00 GMT");
        assertThat(classifier.retryAfter(past)).contains(Duration.ZERO);
    }

    @Test
    void retryAfterPrefersMillisecondHeadersAndIgnoresGarbage() {
        assertThat(
                        classifier.retryAfter(
                                new HttpHeaders()
                                        .set("retry-after-ms", "1500")
                                        .set("Retry-After", "9")))
                .contains(Duration.ofMillis(1500));
        assertThat(classifier.retryAfter(new HttpHeaders().set("x-ms-retry-after-ms", "250")))
                .contains(Duration.ofMillis(250));
        assertThat(classifier.retryAfter(new HttpHeaders().set("Retry-After", "soon"))).isEmpty();
        assertThat(classifier.retryAfter(new HttpHeaders().set("Retry-After", "-3"))).isEmpty();
        assertThat(classifier.retryAfter(new HttpHeaders())).isEmpty();
    }

    @Test
    void throttledWithoutHeaderGetsTheConfiguredWait() {
        ArmException e =
                new ArmErrorClassifier(clock, Duration.ofSeconds(3))
                        .fromStatus(
                                429,
                                new HttpHeaders(),
                                "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Disaster recovery operation in progress. CorrelationId: 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\"}}",
                                null);
        assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(e.getMessage()).isEqualTo("Disaster recovery operation in progress.");
    }

    @Test
    void unwrappedAndNonJsonBodies() {
        assertThat(
                        classifier
                                .fromStatus(
                                        400,
                                        new HttpHeaders(),
                                        "{\"code\":\"BadRequest\",\"message\":\"m\"}",
                                        null)
                                .code())
                .isEqualTo("BadRequest");
        ArmException html =
                classifier.fromStatus(502, new HttpHeaders(), "<html>Bad Gateway</html>", null);
        assertThat(html.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(html.code()).isEmpty();
        assertThat(html.getMessage()).isEqualTo("ARM answered HTTP 502 without an error message");
    }
}
