package org.gridcase.organization;

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
}
