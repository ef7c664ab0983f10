package org.gridcase.traffic;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A request turned away before it reached its controller: 429 over a rate limit, 503 while the application
 * is not ready. The client may try again after {@link #retryAfter()}. Controllers with their own error
 * format (Open311) render it themselves; everything else gets {@link TrafficAdvice}'s answer.
 */
public class TrafficRefused extends RuntimeException {

  private final HttpStatus status;
  private final long retryAfterSeconds;

  TrafficRefused(HttpStatus status, Duration retryAfter, String message) {
    super(message);
    this.status = status;
    // Retry-After counts whole seconds; never 0, which would invite an immediate retry.
    this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  public HttpStatus status() {
    return status;
  }

  /** The value of the {@code Retry-After} header: whole seconds. */
  public String retryAfter() {
    return Long.toString(retryAfterSeconds);
  }
}
