package dev.geodr.servicebus.georeplication;

import java.time.Duration;
import java.util.Optional;

/** A persisted long-running operation's status, read from its Azure-AsyncOperation URL. */
public sealed interface OperationView {

    /** Still running; ARM says when to ask again. */
    record InProgress(Optional<Duration> retryAfter) implements OperationView {}

    record Succeeded() implements OperationView {}

    /** Failed or Canceled (an escalated Planned promotion ends Canceled), with ARM's words. */
    record Failed(String status, String message) implements OperationView {}

    /** ARM no longer knows the operation (404): the namespace's roles must decide. */
    record Gone() implements OperationView {}
}
