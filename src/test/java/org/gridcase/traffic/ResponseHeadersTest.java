package org.gridcase.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 13's header findings: nosniff on API answers, no framing of citizen pages, Secure cookies behind HTTPS. */
@GridcaseTest
class ResponseHeadersTest {

  @Autowired TestRestTemplate rest;

  @Test
  void everyApiAndOpen311AnswerCarriesNosniffErrorsIncluded() {
    List<ResponseEntity<String>> answers = List.of(
        rest.withBasicAuth("demo", "demo").getForEntity("/api/kpis?areaCode=DC", String.class),
        rest.getForEntity("/api/kpis", String.class),
        rest.withBasicAuth("demo", "demo").getForEntity("/api/requests/GC-2026-999999", String.class),
        rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", json("{\"description\":\"x\"}"), String.class),
        rest.getForEntity("/open311/v2/services.json", String.class),
        rest.getForEntity("/open311/v2/services/Z99.xml", String.class),
        rest.postForEntity("/open311/v2/requests.json", json("{}"), String.class),
        rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/engine", String.class));
    assertThat(answers).extracting(ResponseEntity::getStatusCode).as("successes and errors alike")
        .contains(HttpStatus.OK, HttpStatus.UNAUTHORIZED, HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    for (ResponseEntity<String> answer : answers) {
      assertThat(answer.getHeaders().get("X-Content-Type-Options")).as(answer.getStatusCode() + " " + answer.getBody())
          .containsExactly("nosniff");
    }
  }

  @Test
  void citizenPagesRefuseToBeFramed() {
    for (String path : List.of("/status", "/status/GC-2026-000001", "/survey/not-a-token")) {
      ResponseEntity<String> page = rest.getForEntity(path, String.class);
      assertThat(page.getHeaders().getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
      assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
    }
  }

  @Test
  void cookiesAreSecureWhenTheProxySaysHttpsAndOnlyThen() {
    List<String> behindHttps = cookies(Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.9"));
    assertThat(behindHttps).anyMatch(cookie -> cookie.startsWith("JSESSIONID="))
        .anyMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
    assertThat(behindHttps).allMatch(cookie -> cookie.matches("(?i).*;\\s*secure(;.*|$)"), "every cookie is Secure");

    List<String> plainHttp = cookies(Map.of());
    assertThat(plainHttp).isNotEmpty().noneMatch(cookie -> cookie.matches("(?i).*;\\s*secure(;.*|$)"));
  }

  /** The cookies the Camunda web apps set on a first visit (the session and the CSRF token). */
  private List<String> cookies(Map<String, String> proxyHeaders) {
    HttpHeaders headers = new HttpHeaders();
    proxyHeaders.forEach(headers::set);
    ResponseEntity<String> page = rest.exchange("/camunda/app/welcome/default/", HttpMethod.GET,
        new HttpEntity<>(headers), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    return page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
    return new HttpEntity<>(body, headers);
  }
}
