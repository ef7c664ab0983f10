package org.gridcase.security;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * Functional groups that open the Camunda web applications. Membership follows the roles a person holds
 * (kept by the organisation's identity sync); what each group may do is granted by {@link AccessBootstrap}.
 */
public final class AccessGroups {

  /** Everyone who works cases in Tasklist. */
  public static final String HANDLERS = "gridcase-handlers";
  /** Supervisors monitoring in Cockpit. */
  public static final String SUPERVISORS = "gridcase-supervisors";
  /** Camunda's own administrators group; full access to everything, including Admin. */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

  private AccessGroups() {
  }
}
