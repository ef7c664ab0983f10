package org.gridcase.traffic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.traffic.RateLimitProperties.Limit;
import org.springframework.stereotype.Component;

/** One Bucket4j token bucket per key and kind of limit, kept in memory on this node. */
@Component
class RateLimits {

  enum Kind {
    OPEN311_POST, API_WRITE, CITIZEN_PAGE
  }

  /**
   * The engine's clock, which tests drive (ClockUtil); in production it is the system clock. Millisecond
   * precision is plenty for limits counted per minute.
   */
  private static final TimeMeter ENGINE_CLOCK = new TimeMeter() {
    @Override
    public long currentTimeNanos() {
      return TimeUnit.MILLISECONDS.toNanos(ClockUtil.getCurrentTime().getTime());
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  };

  private final boolean enabled;
  private final Map<Kind, Limit> limits = new EnumMap<>(Kind.class);
  private final Map<Kind, Cache<String, Bucket>> buckets = new EnumMap<>(Kind.class);

  RateLimits(RateLimitProperties properties) {
    this.enabled = properties.enabled();
    limits.put(Kind.OPEN311_POST, properties.open311Post());
    limits.put(Kind.API_WRITE, properties.apiWrite());
    limits.put(Kind.CITIZEN_PAGE, properties.citizenPage());
    // A bucket left alone for its whole period is full again, so forgetting it then loses nothing.
    limits.forEach((kind, limit) -> buckets.put(kind, Caffeine.newBuilder()
        .maximumSize(properties.maxTrackedKeys()).expireAfterAccess(limit.per()).build()));
  }

  /** Takes one request from the key's bucket; empty when allowed, else how long until the next is. */
  Optional<Duration> take(Kind kind, String key) {
    if (!enabled) {
      return Optional.empty();
    }
    ConsumptionProbe probe = buckets.get(kind).get(key, ignored -> bucket(limits.get(kind)))
        .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  Limit limit(Kind kind) {
    return limits.get(kind);
  }

  private static Bucket bucket(Limit limit) {
    return Bucket.builder().withCustomTimePrecision(ENGINE_CLOCK)
        .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build())
        .build();
  }
}
