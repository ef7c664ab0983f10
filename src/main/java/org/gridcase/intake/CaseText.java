package org.gridcase.intake;

import org.springframework.stereotype.Component;

/**
 * The {@code caseText} bean of the BPMN: what a decision reads of the case's own words, from gc_request at
 * the moment it decides. The text is handed to the decision as a local input of its business rule task and
 * never becomes a process variable, so the description stays out of the engine's tables (see README,
 * Security).
 */
@Component("caseText")
public class CaseText {

  /** The start of the description that the triage rules read (danger words). */
  static final int SUMMARY_LENGTH = 200;

  private final Requests requests;

  CaseText(Requests requests) {
    this.requests = requests;
  }

  /** The first {@value #SUMMARY_LENGTH} characters of the case's description, "" when it has none. */
  public String summary(Object requestId) {
    if (requestId == null) {
      return "";
    }
    String description = requests.summary(((Number) requestId).longValue())
        .map(Requests.CaseSummary::description).orElse("");
    return description.length() <= SUMMARY_LENGTH ? description : description.substring(0, SUMMARY_LENGTH) + "…";
  }
}
