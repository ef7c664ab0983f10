package org.gridcase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bound on what the engine APIs read: a body larger than gridcase.security.max-engine-request-size is
 * answered 413 before anything parses it (a declared length), or cut off with an error while it streams
 * (chunked). Keeps a hostile query (thousands of or-queries, huge variable values) from costing memory.
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
      chain.doFilter(request.getContentLengthLong() < 0 ? new Capped(request, max) : request, response);
    }
  }

  /** A body of unknown length, read up to the limit. */
  private static final class Capped extends HttpServletRequestWrapper {

    private final long max;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
              count(1);
            }
            return b;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws IOException {
            read += n;
            if (read > max) {
              throw new IOException("request body larger than " + max + " bytes");
            }
          }

          @Override
          public boolean isFinished() {
            return in.isFinished();
          }

          @Override
          public boolean isReady() {
            return in.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }
}
