package org.gridcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on what the engine APIs read: a body larger than gridcase.security.max-engine-request-size is
 * answered 413 before anything parses it, whether its length is declared or it streams (chunked). Keeps
 * a hostile query (thousands of or-queries, huge variable values) from costing memory.
 */
@Configuration(proxyBeanMethods = false)
class EngineRequestSizeLimit {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> engineRequestSizeLimitFilter(EngineGuardProperties properties) {
    long max = properties.maxEngineRequestSize().toBytes();
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Limit(max));
    registration.setName("engine-request-size-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Limit extends OncePerRequestFilter {

    private final long max;

    Limit(long max) {
      this.max = max;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (request.getContentLengthLong() > max) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "request body larger than " + max + " bytes (gridcase.security.max-engine-request-size)");
        return;
      }
      if (request.getContentLengthLong() >= 0 || !hasBody(request)) {
        chain.doFilter(request, response);
        return;
      }
      // A streamed body of unknown length: read it up to the limit here, so an oversized one is a clean 413.
      byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "request body larger than " + max + " bytes (gridcase.security.max-engine-request-size)");
        return;
      }
      chain.doFilter(new Buffered(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
      return request.getHeader("Transfer-Encoding") != null;
    }
  }

  /** A body of unknown length, read in full (it is at most the limit). */
  private static final class Buffered extends HttpServletRequestWrapper {

    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is read already");
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new java.io.BufferedReader(new java.io.InputStreamReader(new ByteArrayInputStream(body),
          java.nio.charset.Charset.forName(encoding)));
    }
  }
}
