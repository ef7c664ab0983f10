package org.gridcase.traffic;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on the way out, set before anything else runs so that errors (401 from the REST authentication,
 * 404, 429) carry them too: {@code nosniff} on every API answer, framing refused on the citizen pages, and
 * {@code Secure} on every cookie of a request that came in over HTTPS (directly or, with
 * {@code server.forward-headers-strategy}, through the proxy's {@code X-Forwarded-Proto}). Tomcat marks its
 * session cookie itself; the Camunda web apps' {@code XSRF-TOKEN} cookie is marked only here, so plain-HTTP
 * demos keep working.
 */
@Configuration(proxyBeanMethods = false)
class ResponseHeaders {

  static final String NOSNIFF = "nosniff";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> responseHeadersFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/open311/") || path.startsWith("/engine-rest/")) {
          response.setHeader("X-Content-Type-Options", NOSNIFF);
        } else if (path.equals("/status") || path.startsWith("/status/") || path.startsWith("/survey/")) {
          response.setHeader("X-Content-Type-Options", NOSNIFF);
          response.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
      }
    });
    registration.setName("gridcase-response-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Adds {@code Secure} to each cookie set through this response. */
  static final class SecureCookies extends HttpServletResponseWrapper {

    SecureCookies(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addCookie(Cookie cookie) {
      cookie.setSecure(true);
      super.addCookie(cookie);
    }

    @Override
    public void addHeader(String name, String value) {
      super.addHeader(name, secured(name, value));
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, secured(name, value));
    }

    private static String secured(String name, String value) {
      if (value == null || !HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
        return value;
      }
      boolean secure = java.util.Arrays.stream(value.split(";"))
          .anyMatch(attribute -> attribute.strip().toLowerCase(Locale.ROOT).equals("secure"));
      return secure ? value : value + "; Secure";
    }
  }
}
