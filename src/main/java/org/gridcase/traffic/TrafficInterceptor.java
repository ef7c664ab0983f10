package org.gridcase.traffic;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.gridcase.common.Checksums;
import org.gridcase.security.CurrentUser;
import org.gridcase.traffic.RateLimits.Kind;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Before a controller runs: intake is refused with 503 until the application is ready (the organisation
 * import and identity sync run before Spring Boot reports readiness), then each request takes a token from
 * its rate limit. Runs after the REST authentication filter, so an /api caller is known by name.
 */
@Component
class TrafficInterceptor implements HandlerInterceptor, WebMvcConfigurer {

  /** How long a client should wait while the start-up import runs; it takes up to about a minute. */
  static final Duration NOT_READY_RETRY = Duration.ofSeconds(30);
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final RateLimits limits;
  private final ApplicationAvailability availability;
  private final CurrentUser currentUser;

  TrafficInterceptor(RateLimits limits, ApplicationAvailability availability, CurrentUser currentUser) {
    this.limits = limits;
    this.availability = availability;
    this.currentUser = currentUser;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**", "/open311/v2/requests.*", "/status", "/status/**",
        "/survey/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean write = !SAFE_METHODS.contains(request.getMethod());
    if (path.startsWith("/open311/")) {
      if (write) {
        requireReady();
        String apiKey = request.getParameter("api_key");
        // Without a key the post is refused (403) anyway; its sender still counts, by address.
        take(Kind.OPEN311_POST, apiKey == null || apiKey.isBlank() ? "address:" + request.getRemoteAddr()
            : "key:" + Checksums.sha256(apiKey.strip().getBytes(StandardCharsets.UTF_8)));
      }
    } else if (path.startsWith("/api/")) {
      if (write) {
        if (path.equals("/api/requests") || path.equals("/api/requests/")) {
          requireReady();
        }
        take(Kind.API_WRITE, currentUser.idIfAuthenticated().map(user -> "user:" + user)
            .orElseGet(() -> "address:" + request.getRemoteAddr()));
      }
    } else {
      take(Kind.CITIZEN_PAGE, request.getRemoteAddr());
    }
    return true;
  }

  private void requireReady() {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      throw new TrafficRefused(HttpStatus.SERVICE_UNAVAILABLE, NOT_READY_RETRY,
          "系统正在启动（导入组织架构），请稍后再提交 (starting up: the organisation import is still running)");
    }
  }

  private void take(Kind kind, String key) {
    limits.take(kind, key).ifPresent(wait -> {
      throw new TrafficRefused(HttpStatus.TOO_MANY_REQUESTS, wait, "请求过于频繁，请稍后再试 (too many requests: at most "
          + limits.limit(kind) + ")");
    });
  }
}
