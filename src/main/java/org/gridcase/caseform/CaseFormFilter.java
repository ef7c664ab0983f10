package org.gridcase.caseform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Adds the case file ({@link CaseFormValues}) to {@code GET …/task/{id}/form-variables}, on the engine REST API
 * and on the one Tasklist calls ({@code /camunda/api/engine/engine/{engine}/…}). It acts only after the engine
 * answered 200, so only for a caller the engine let read that task; the values are computed then, from our
 * tables, and are neither process variables nor in the engine's history.
 */
class CaseFormFilter extends OncePerRequestFilter {

  /** …/task/{id}/form-variables under the engine REST API or Tasklist's engine API; captures engine and task. */
  static final Pattern FORM_VARIABLES = Pattern.compile(
      "^(?:/engine-rest(?:/engine/([^/]+))?|/camunda/api/engine/engine/([^/]+))/task/([^/]+)/form-variables$");

  private final CaseFormContent content;
  private final IdentityService identity;
  private final ObjectMapper json;

  CaseFormFilter(CaseFormContent content, IdentityService identity, ObjectMapper json) {
    this.content = content;
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(path(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, answer);
    Matcher path = FORM_VARIABLES.matcher(path(request));
    Optional<String> viewer = answer.getStatus() == HttpServletResponse.SC_OK && path.matches()
        ? viewer(request, path.group(2) != null ? path.group(2) : Optional.ofNullable(path.group(1)).orElse("default"))
        : Optional.empty();
    Map<String, String> values = viewer.map(user -> content.forTask(path.group(3), user)).orElse(Map.of());
    if (values.isEmpty()) {
      answer.copyBodyToResponse();
      return;
    }
    ObjectNode variables = (ObjectNode) json.readTree(answer.getContentAsByteArray());
    // Engine variables never win over nor hide behind the case's: a variable that happens to be named
    // case… is replaced, so the form always shows the case file.
    values.forEach((key, value) -> variables.putObject(key).put("type", "String").put("value", value)
        .putObject("valueInfo"));
    byte[] body = json.writeValueAsBytes(variables);
    answer.resetBuffer();
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /**
   * Who asked: the engine REST filter's authentication when this filter runs inside it; else, for Tasklist's
   * API, the web apps' session, and for the engine REST API the user of the Basic credentials its filter has
   * just accepted (never a session beside them).
   */
  private Optional<String> viewer(HttpServletRequest request, String engine) {
    Authentication current = identity.getCurrentAuthentication();
    if (current != null) {
      return Optional.of(current.getUserId());
    }
    HttpSession session = path(request).startsWith("/camunda/") ? request.getSession(false) : null;
    if (session != null) {
      Authentications signedIn = AuthenticationUtil.getAuthsFromSession(session);
      var authentication = signedIn == null ? null : signedIn.getAuthenticationForProcessEngine(engine);
      if (authentication != null) {
        return Optional.of(authentication.getIdentityId());
      }
    }
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String credentials;
      try {
        credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      int colon = credentials.indexOf(':');
      return colon > 0 ? Optional.of(credentials.substring(0, colon)) : Optional.empty();
    }
    return Optional.empty();
  }

  @Configuration
  static class Registration {

    @Bean
    FilterRegistrationBean<CaseFormFilter> caseFormFilter(CaseFormContent content, @Lazy IdentityService identity,
        ObjectMapper json) {
      FilterRegistrationBean<CaseFormFilter> registration =
          new FilterRegistrationBean<>(new CaseFormFilter(content, identity, json));
      registration.setName("case-form-values");
      registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
      // Innermost: the engine REST filter has authenticated the caller before this runs.
      registration.setOrder(Ordered.LOWEST_PRECEDENCE);
      return registration;
    }
  }
}
