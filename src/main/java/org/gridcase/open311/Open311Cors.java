package org.gridcase.open311;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.gridcase.open311.GeoReport.Error;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code /open311/v2/}: reads from {@code gridcase.open311.cors.read-origins}, posts only from
 * {@code post-origins}. A servlet filter ahead of everything else answers the preflight (OPTIONS), so no other
 * filter or handler sees it; a cross-origin request from an origin not listed gets 403, as a GeoReport error
 * list, and reaches nothing.
 */
@Configuration(proxyBeanMethods = false)
class Open311Cors {

  @Bean
  FilterRegistrationBean<Filter> open311CorsFilter(Open311CorsProperties properties, ObjectMapper objectMapper) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(properties, objectMapper));
    registration.setName("open311-cors");
    registration.addUrlPatterns("/open311/v2/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /** Spring's CORS checks, with the refusal in GeoReport's format instead of the text "Invalid CORS request". */
  static class Filter extends OncePerRequestFilter {

    private final CorsConfiguration read;
    private final CorsConfiguration post;
    private final ObjectMapper json;
    private final CorsProcessor processor = new DefaultCorsProcessor() {
      @Override
      protected void rejectRequest(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
      }
    };

    Filter(Open311CorsProperties properties, ObjectMapper json) {
      this.read = configuration(properties, properties.readOrigins(), HttpMethod.GET, HttpMethod.HEAD);
      this.post = configuration(properties, properties.postOrigins(), HttpMethod.POST);
      this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      CorsConfiguration configuration = HttpMethod.POST.matches(method(request)) ? post : read;
      if (!processor.processRequest(configuration, request, response)) {
        Format format = GeoReportErrors.formatOf(request);
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(format.mediaType().toString());
        response.getOutputStream().write(GeoReportErrors.body(json, format, List.of(new Error(403,
            "Origin: 此网站不能跨域访问 (this origin may not " + method(request) + " here from a browser;"
                + " see gridcase.open311.cors)"))));
        return;
      }
      if (!CorsUtils.isPreFlightRequest(request)) {
        chain.doFilter(request, response);
      }
    }

    /** The method the browser is about to use: the preflight names it in a header. */
    private static String method(HttpServletRequest request) {
      return CorsUtils.isPreFlightRequest(request)
          ? request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) : request.getMethod();
    }

    private static CorsConfiguration configuration(Open311CorsProperties properties, List<String> origins,
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
}
