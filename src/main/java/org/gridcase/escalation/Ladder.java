package org.gridcase.escalation;

import static org.gridcase.intake.CitizenRequestProcess.Variables.COMMUNITY_CODE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.GRID_CODE;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridcase.organization.CandidateGroups;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.organization.Role;
import org.gridcase.organization.UnitView;
import org.springframework.stereotype.Component;

/** The candidate group of a level of the ladder for one case: the level's role at the case's unit. */
@Component
class Ladder {

  private final OrganizationDirectory organization;

  Ladder(OrganizationDirectory organization) {
    this.organization = organization;
  }

  Role roleOf(String level) {
    return Role.ofKey(level).orElseThrow(() -> new IllegalStateException("unknown escalation level '" + level
        + "' (processes/sla.dmn)"));
  }

  String groupOf(String level, VariableScope scope) {
    Role role = roleOf(level);
    String community = COMMUNITY_CODE.getOrNull(scope);
    String unit = switch (role) {
      case GRID_LEADER, GRID_WORKER -> GRID_CODE.get(scope);
      case COMMUNITY_PARTY_SECRETARY, DISTRICT_LIAISON_LEADER, COMMUNITY_REVIEWER -> community;
      case STREET_PARTY_SECRETARY -> community == null ? null
          : organization.findUnit(community).map(UnitView::parentCode).orElse(null);
      default -> organization.districtCode();
    };
    // A case without a known grid or community is supervised at the district.
    return unit == null ? CandidateGroups.of(organization.districtCode(), Role.SUPERVISOR)
        : CandidateGroups.of(unit, role);
  }
}
