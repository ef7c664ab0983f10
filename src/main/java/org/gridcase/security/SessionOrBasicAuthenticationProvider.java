package org.gridcase.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * For {@code /api/*}: a user signed in to the Camunda web apps may read (GET) with that session, so the
 * Cockpit dashboard can call the KPI API; everything else needs HTTP Basic. Writes never ride on the
 * session cookie, so there is nothing to forge across sites.
 */
public class SessionOrBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    HttpSession session = request.getSession(false);
    if (safe && session != null && request.getHeader("Authorization") == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication signedIn = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(engine.getName());
      if (signedIn != null) {
        return AuthenticationResult.successful(signedIn.getIdentityId());
      }
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
