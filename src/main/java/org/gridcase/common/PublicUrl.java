package org.gridcase.common;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one public address that every link is built from ({@code gridcase.public-url}, see
 * {@link PublicUrlProperties}): the setting when given; else the HTTP request being served (its scheme,
 * host, port and context path); else, in a job, {@code http://localhost:<port>} with the port the server
 * actually listens on.
 */
@Component
public class PublicUrl {

  private final String configured;
  private final String contextPath;
  private volatile int port;

  PublicUrl(PublicUrlProperties properties, Environment environment) {
    this.configured = properties.publicUrl() == null || properties.publicUrl().isBlank() ? null
        : withoutTrailingSlash(properties.publicUrl().strip());
    this.contextPath = withoutTrailingSlash(environment.getProperty("server.servlet.context-path", ""));
    this.port = environment.getProperty("server.port", Integer.class, 8080);
  }

  /** The port the server listens on, known once it started (it differs from server.port when that is 0). */
  @EventListener
  void started(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  /** The base address, without a trailing slash, e.g. {@code http://localhost:8080}. */
  public String base() {
    if (configured != null) {
      return configured;
    }
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return withoutTrailingSlash(ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null)
          .build().toUriString());
    }
    return "http://localhost:" + port + contextPath;
  }

  /** The address of a path of this application, e.g. {@code of("/status/")}. */
  public String of(String path) {
    return base() + (path.startsWith("/") ? path : "/" + path);
  }

  /** A setting that overrides one link (kept for compatibility), else {@link #of(String)}. */
  public String orDerived(String setting, String path) {
    return setting == null || setting.isBlank() ? of(path) : setting.strip();
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
