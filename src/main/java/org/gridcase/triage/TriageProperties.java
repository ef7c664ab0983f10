package org.gridcase.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Triage (研判) settings.
 *
 * @param duplicateDistanceMetres how far apart two cases of the same category in the same grid may be and
 *     still be proposed as duplicates, when both have coordinates (default 200)
 * @param maxDuplicateCandidates how many possible duplicates the triage task lists, newest first (default 10)
 */
@ConfigurationProperties("gridcase.triage")
record TriageProperties(@DefaultValue("200") int duplicateDistanceMetres,
    @DefaultValue("10") int maxDuplicateCandidates) {

  TriageProperties {
    if (duplicateDistanceMetres < 0) {
      throw new IllegalArgumentException("gridcase.triage.duplicate-distance-metres must not be negative");
    }
    if (maxDuplicateCandidates < 1) {
      throw new IllegalArgumentException("gridcase.triage.max-duplicate-candidates must be at least 1");
    }
  }
}
