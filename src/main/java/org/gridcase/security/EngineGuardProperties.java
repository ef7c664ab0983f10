package org.gridcase.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the engine guards ({@link EngineGuardPlugin}).
 *
 * @param maxOrQueries how many or-queries a task query may carry, REST and filters alike (default 10)
 * @param maxEngineRequestSize the largest request body /engine-rest and the web apps' engine API accept
 *     (default 1MB); larger ones get 413 before anything parses them
 * @param personalVariables variables that never reach the engine's history (ACT_HI_*), whatever the
 *     channel: the requester's name, phone and e-mail, the description and its start (the decisions' input
 *     {@code summary}), which live in gc_request
 */
@ConfigurationProperties("gridcase.security")
public record EngineGuardProperties(@DefaultValue("10") int maxOrQueries,
    @DefaultValue("1MB") DataSize maxEngineRequestSize,
    @DefaultValue({"requesterName", "requesterPhone", "requesterEmail", "description", "summary"})
    List<String> personalVariables) {

  public EngineGuardProperties {
    if (maxOrQueries < 0) {
      throw new IllegalArgumentException("gridcase.security.max-or-queries must not be negative");
    }
    if (maxEngineRequestSize.toBytes() < 1024) {
      throw new IllegalArgumentException("gridcase.security.max-engine-request-size must be at least 1KB");
    }
    personalVariables = List.copyOf(personalVariables);
  }

  Set<String> personalVariableNames() {
    return Set.copyOf(personalVariables);
  }
}
