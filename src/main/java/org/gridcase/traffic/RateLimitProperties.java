package org.gridcase.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * Rate limits, each written {@code <requests>/<period>} (e.g. {@code 60/1m}): so many requests, refilled
 * smoothly over the period. Counted in memory on each node.
 *
 * @param enabled apply the limits (default true)
 * @param open311Post Open311 {@code POST requests} per API key (default {@code 60/1m})
 * @param apiWrite writes (POST, PUT, PATCH, DELETE) under {@code /api} per user (default {@code 120/1m})
 * @param citizenPage the status and survey pages per client address (default {@code 60/1m})
 * @param maxTrackedKeys keys (API keys, users, addresses) remembered per limit; the least recently seen
 *     beyond this are forgotten (default 50000)
 */
@ConfigurationProperties("gridcase.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
    @DefaultValue("60/1m") Limit open311Post,
    @DefaultValue("120/1m") Limit apiWrite,
    @DefaultValue("60/1m") Limit citizenPage,
    @DefaultValue("50000") int maxTrackedKeys) {

  RateLimitProperties {
    if (maxTrackedKeys < 1) {
      throw new IllegalArgumentException("gridcase.rate-limits.max-tracked-keys must be at least 1");
    }
  }

  /** So many requests per period. */
  record Limit(int requests, Duration per) {

    Limit {
      if (requests < 1 || per == null || per.isNegative() || per.isZero()) {
        throw new IllegalArgumentException("a rate limit is <requests>/<period>, e.g. 60/1m, with both above zero");
      }
    }

    /** {@code 60/1m}, {@code 1000/1h}, {@code 5/PT10S}. */
    public static Limit valueOf(String text) {
      int slash = text.indexOf('/');
      if (slash < 1) {
        throw new IllegalArgumentException("a rate limit is <requests>/<period>, e.g. 60/1m, not '" + text + "'");
      }
      return new Limit(Integer.parseInt(text.substring(0, slash).strip()),
          DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
    }

    @Override
    public String toString() {
      return requests + "/" + per;
    }
  }
}
