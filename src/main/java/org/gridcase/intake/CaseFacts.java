package org.gridcase.intake;

import org.gridcase.matters.MatterCatalogue;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.springframework.stereotype.Component;

/**
 * The {@code caseFacts} bean of the BPMN: facts of a case that one expression needs once, read from gc_request,
 * the organisation and the matters catalogue at that moment instead of being carried as process variables
 * (each variable is a row in every case, issue 12). The triage decision still reads {@code channel} and
 * {@code defaultColour} by name: they are local inputs of its business rule task, gone with it.
 */
@Component("caseFacts")
public class CaseFacts {

  private final Requests requests;
  private final OrganizationDirectory organization;
  private final MatterCatalogue matters;

  CaseFacts(Requests requests, OrganizationDirectory organization, MatterCatalogue matters) {
    this.requests = requests;
    this.organization = organization;
    this.matters = matters;
  }

  /** How the request came in (patrol, hotline, open311, …); null for an unknown request. */
  public String channel(Object requestId) {
    return requests.summary(id(requestId)).map(Requests.CaseSummary::channel).orElse(null);
  }

  /** The colour the matters catalogue gives the category, null without a (known) category. */
  public String defaultColour(Object categoryCode) {
    return categoryCode == null ? null
        : matters.find(categoryCode.toString()).map(matter -> matter.defaultColour().key()).orElse(null);
  }

  /** Whether the requester left an e-mail address for the result (else the grid calls them back). */
  public boolean hasEmail(Object requestId) {
    return requests.find(id(requestId)).map(RequestView::requesterEmail).isPresent();
  }

  /**
   * Who triages a case placed in this grid (null: none yet): the grid's leader, or the district's supervisors.
   * Intake fixes it as {@code triageGroup}; instances of the release that asked {@code
   * ${caseFacts.triageGroup(gridCode)}} in the model still call this when their triage comes round again.
   */
  public String triageGroup(Object gridCode) {
    return gridCode == null ? CandidateGroups.of(organization.districtCode(), Role.SUPERVISOR)
        : CandidateGroups.of(gridCode.toString(), Role.GRID_LEADER);
  }

  private static long id(Object requestId) {
    if (!(requestId instanceof Number number)) {
      throw new IllegalArgumentException("requestId must be a number, was " + requestId);
    }
    return number.longValue();
  }
}
