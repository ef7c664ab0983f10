package org.gridcase.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for {@code /open311/v2/}: reads from {@code gridcase.open311.cors.read-origins}, posts only from
 * {@code post-origins}. A servlet filter ahead of everything else answers the preflight (OPTIONS), so no other
 * filter or handler sees it; a cross-origin request from an origin not listed gets 403 and reaches nothing.
 */
@Configuration(proxyBeanMethods = false)
class Open311Cors {

  @Bean
  FilterRegistrationBean<CorsFilter> open311CorsFilter(Open311CorsProperties properties) {
    CorsConfiguration read = configuration(properties.readOrigins(), properties, HttpMethod.GET, HttpMethod.HEAD);
    CorsConfiguration post = configuration(properties.postOrigins(), properties, HttpMethod.POST);
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(
        new CorsFilter(request -> HttpMethod.POST.matches(method(request)) ? post : read));
    registration.setName("open311-cors");
    registration.addUrlPatterns("/open311/v2/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** The method the browser is about to use: the preflight names it in a header. */
  private static String method(HttpServletRequest request) {
    return CorsUtils.isPreFlightRequest(request)
        ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
  }

  private static CorsConfiguration configuration(List<String> origins, Open311CorsProperties properties,
      HttpMethod... methods) {
    CorsConfiguration configuration = new CorsConfiguration();
    // Patterns, so that "*" still works should credentials ever be allowed; none are (an API key is a parameter).
    configuration.setAllowedOriginPatterns(origins);
    for (HttpMethod method : methods) {
      configuration.addAllowedMethod(method);
    }
    configuration.addAllowedHeader(HttpHeaders.CONTENT_TYPE);
    configuration.setMaxAge(properties.maxAge());
    return configuration;
  }
}
