package org.gridcase.organization;

import java.util.Optional;

/**
 * Camunda group ids for "the holders of a role at a unit": {@code <unit code>.<role key>}, for example
 * {@code DC-01-03-007.grid-leader} or {@code DC-01-03.community-reviewer}. A modeler writes
 * {@code camunda:candidateGroups="${gridCode}.grid-worker"} to reach the grid workers of a case's grid.
 */
public final class CandidateGroups {

  static final char SEPARATOR = '.';

  private CandidateGroups() {
  }

  public static String of(String unitCode, Role role) {
    return unitCode + SEPARATOR + role.key();
  }

  /** A candidate group id taken apart; unit codes contain no dot, so the last dot separates the role. */
  record UnitRole(String unitCode, Role role) {
  }

  /** The unit and role a group id names; empty for other groups (functional groups, unknown roles). */
  static Optional<UnitRole> parse(String groupId) {
    int separator = groupId == null ? -1 : groupId.lastIndexOf(SEPARATOR);
    if (separator <= 0) {
      return Optional.empty();
    }
    return Role.ofKey(groupId.substring(separator + 1))
        .map(role -> new UnitRole(groupId.substring(0, separator), role));
  }
}
