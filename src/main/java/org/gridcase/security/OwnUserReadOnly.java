package org.gridcase.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * A new user may read their own profile and nothing more: name and e-mail come from the organisation
 * dataset (Camunda's default grants a user ALL on their own user, so they could change their e-mail).
 */
class OwnUserReadOnly extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newUser(User user) {
    AuthorizationEntity own = new AuthorizationEntity(AUTH_TYPE_GRANT);
    own.setUserId(user.getId());
    own.setResource(Resources.USER);
    own.setResourceId(user.getId());
    own.addPermission(Permissions.READ);
    return new AuthorizationEntity[] {own};
  }
}
