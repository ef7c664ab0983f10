package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.HttpCookie;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A web-app login as a browser makes it (welcome page for the CSRF token, then the login form), kept in the
 * shared database through Spring Session rather than in one node's memory. Public for the two-node cluster test.
 */
public final class SharedSessionScenarios {

  private SharedSessionScenarios() {
  }

  /** The browser's cookies after signing in to Cockpit as this user. */
  public static Map<String, String> signIn(TestRestTemplate rest, String user, String password) {
    Map<String, String> cookies = new LinkedHashMap<>();
    ResponseEntity<String> welcome = rest.getForEntity("/camunda/app/welcome/default/", String.class);
    assertThat(welcome.getStatusCode()).isEqualTo(HttpStatus.OK);
    remember(cookies, welcome);

    HttpHeaders headers = headers(cookies);
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", password);
    ResponseEntity<String> login = rest.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
        new HttpEntity<>(form, headers), String.class);
    assertThat(login.getStatusCode()).as(login.getBody()).isEqualTo(HttpStatus.OK);
    remember(cookies, login);
    return cookies;
  }

  /** Who the web apps think is signed in with these cookies, or null. */
  public static String signedInUser(TestRestTemplate rest, Map<String, String> cookies) {
    ResponseEntity<JsonNode> answer = rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET,
        new HttpEntity<>(headers(cookies)), JsonNode.class);
    return answer.getStatusCode() == HttpStatus.OK && answer.getBody() != null && answer.getBody().has("userId")
        ? answer.getBody().get("userId").asText() : null;
  }

  private static HttpHeaders headers(Map<String, String> cookies) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.COOKIE, cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
        .collect(Collectors.joining("; ")));
    return headers;
  }

  private static void remember(Map<String, String> cookies, ResponseEntity<?> answer) {
    for (String header : answer.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of())) {
      for (HttpCookie cookie : HttpCookie.parse(header)) {
        cookies.put(cookie.getName(), cookie.getValue());
      }
    }
  }
}
