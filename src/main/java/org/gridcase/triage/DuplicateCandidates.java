package org.gridcase.triage;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.intake.Requests;
import org.gridcase.intake.Requests.CaseSummary;
import org.springframework.stereotype.Component;

/**
 * Possible duplicates of a case at triage: open cases (neither closed nor declined) of the same category in
 * the same grid, and, when both cases have coordinates, within the configured distance. Listed as text
 * without personal data: tracking number, received date, the first 40 characters of the description.
 */
@Component
class DuplicateCandidates {

  static final int SUMMARY_LENGTH = 40;
  /** Open cases of one category in one grid looked at, newest first, before the distance filter. */
  private static final int SCAN_LIMIT = 200;
  private static final double EARTH_RADIUS_METRES = 6_371_000;

  private final Requests requests;
  private final TriageProperties properties;
  private final DateTimeFormatter date;

  DuplicateCandidates(Requests requests, TriageProperties properties, WorkingTime workingTime) {
    this.requests = requests;
    this.properties = properties;
    // Dates as the district reads them: the zone of its working-day calendar.
    this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(workingTime.zone());
  }

  /** One line per candidate, newest first; null when there is none (or no grid or category to compare). */
  String listFor(long requestId, String gridCode, String categoryCode) {
    if (gridCode == null || categoryCode == null) {
      return null;
    }
    CaseSummary self = requests.summary(requestId).orElseThrow();
    List<CaseSummary> candidates = requests.openCasesOf(gridCode, categoryCode, SCAN_LIMIT).stream()
        .filter(other -> other.id() != requestId)
        .filter(other -> near(self, other))
        .limit(properties.maxDuplicateCandidates())
        .toList();
    return candidates.isEmpty() ? null
        : candidates.stream().map(this::line).collect(Collectors.joining("\n"));
  }

  private boolean near(CaseSummary a, CaseSummary b) {
    if (a.latitude() == null || b.latitude() == null) {
      return true;
    }
    return distanceMetres(a.latitude(), a.longitude(), b.latitude(), b.longitude())
        <= properties.duplicateDistanceMetres();
  }

  /** Great-circle distance (haversine). */
  static double distanceMetres(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** A Markdown list item, as the triage form's text shows it. */
  private String line(CaseSummary candidate) {
    String text = candidate.description().replaceAll("\\s+", " ").strip();
    String summary = text.codePointCount(0, text.length()) <= SUMMARY_LENGTH ? text
        : text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH)) + "…";
    return "- " + candidate.trackingNumber() + "（" + date.format(candidate.receivedAt()) + " 收到）" + summary;
  }
}
