package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Attack: markup typed as markup or hidden in entities, control characters (NUL, which PostgreSQL refuses
 * in a query) and invisible-only text are refused with 400 naming the field, by every channel that takes
 * text; honest prose with a lone {@code <} or {@code &} is stored and shown exactly as typed.
 */
abstract class TextStaysTextScenarios {

  static final List<String> MARKUP = List.of("&lt;script&gt;alert(1)&lt;/script&gt;", "<img src=x onerror=alert(1)>",
      "&lt;img src=x onerror=alert(1)&gt;", "&amp;lt;script&amp;gt;alert(1)", "路灯坏了<script>alert(1)</script>",
      "&#60;a href=//evil.example&#62;点此&#60;/a&#62;", "<!-- x -->", "</textarea>");
  static final String PROSE = "水位 < 1米，A & B，路灯坏了 >_<";
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper objectMapper;

  @Test
  void markupInAnyTextFieldOfTheIntakeApiIsRefusedNamingTheField() {
    int before = count();
    for (String field : List.of("description", "address", "requesterName")) {
      for (String markup : MARKUP) {
        ResponseEntity<JsonNode> answer = post(with(field, markup));
        assertThat(answer.getStatusCode()).as(field + " = " + markup).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = error(answer, field);
        assertThat(error.get("message").asText()).as(markup).contains(field, "HTML");
      }
    }
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void proseWithALoneLessThanOrAmpersandIsStoredAsTyped() throws Exception {
    Map<String, Object> body = with("description", PROSE);
    body.put("address", "朝阳路 & 建设路口 <东侧>");
    body.put("requesterName", "A&B 物业");
    ResponseEntity<JsonNode> answer = post(body);
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.CREATED);
    Map<String, Object> row = jdbc.sql("select description, address, requester_name from gc_request"
        + " where tracking_number = ?").param(answer.getBody().get("trackingNumber").asText()).query().singleRow();
    assertThat(row.values()).containsExactly(PROSE, "朝阳路 & 建设路口 <东侧>", "A&B 物业");

    // Shown as typed where the text is public: Open311, whose serializers escape it.
    String id = open311Post(Map.of("description", PROSE)).get(0).get("service_request_id").asText();
    ResponseEntity<String> json = rest.getForEntity("/open311/v2/requests/" + id + ".json", String.class);
    assertThat(objectMapper.readTree(json.getBody()).get(0).get("description").asText()).isEqualTo(PROSE);
    ResponseEntity<String> xml = rest.getForEntity("/open311/v2/requests/" + id + ".xml", String.class);
    assertThat(xml.getBody()).contains("水位 &lt; 1米，A &amp; B").doesNotContain("水位 < 1米");
  }

  @Test
  void aNulOrOtherControlCharacterIsA400NamingTheField() {
    int before = count();
    assertThat(error(post(with("clientRequestId", "hotline-\u0000-1")), "clientRequestId").get("message").asText())
        .contains("clientRequestId");
    error(post(with("description", "路灯\u0000坏了")), "description");
    error(post(with("address", "朝阳路\u001b[2J11号")), "address");
    error(post(with("gridCode", "DC-01-01-001\u0000")), "gridCode");
    error(post(with("requesterEmail", "a\u0000@example.org")), "requesterEmail");
    assertThat(post(with("description", "第一行\n第二行\t（制表符）\r\n第三行")).getStatusCode())
        .as("line breaks and tabs are text").isEqualTo(HttpStatus.CREATED);
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void aNulInAQueryOrPathNeverReachesTheDatabase() {
    for (String path : List.of("/status?code=GC-2026-%00", "/status/GC-2026-%00", "/survey/abc%00",
        "/open311/v2/requests.json?service_request_id=GC-%00", "/open311/v2/requests.json?service_code=C%00",
        "/open311/v2/requests/GC-%00.json", "/api/requests/GC-%00", "/api/requests/GC-%00/requester",
        "/api/requests/GC-%00/attachments")) {
      ResponseEntity<String> answer = rest.withBasicAuth("demo", "demo")
          .getForEntity(java.net.URI.create(rest.getRootUri() + path), String.class);
      assertThat(answer.getStatusCode().is4xxClientError()).as(path + " → " + answer.getStatusCode()).isTrue();
    }
    ResponseEntity<JsonNode> absence = rest.withBasicAuth("demo", "demo").postForEntity("/api/absences",
        Map.of("userId", "worker-01-01-001\u0000", "until", "2099-01-01T00:00:00+08:00", "reason", "年休假"),
        JsonNode.class);
    assertThat(absence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void textOfInvisibleCharactersOnlyIsEmpty() {
    int before = count();
    JsonNode error = error(post(with("description", "\u200B\u200C\u200D\uFEFF\u2060 \u3000")), "description");
    assertThat(error.get("message").asText()).contains("不能为空");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void theEmergencyReasonIsTextToo() {
    // Other tests may have declared and lifted an emergency here: count what this one adds.
    int before = jdbc.sql("select count(*) from gc_emergency where area_code = 'DC-03-06'").query(Integer.class).single();
    for (String markup : MARKUP) {
      ResponseEntity<JsonNode> answer = rest.withBasicAuth("liaison-03-06", "demo").postForEntity("/api/emergencies",
          Map.of("areaCode", "DC-03-06", "reason", markup), JsonNode.class);
      assertThat(answer.getStatusCode()).as(markup).isEqualTo(HttpStatus.BAD_REQUEST);
      error(answer, "reason");
    }
    ResponseEntity<JsonNode> nul = rest.withBasicAuth("liaison-03-06", "demo").postForEntity("/api/emergencies",
        Map.of("areaCode", "DC-03-06\u0000", "reason", "台风\u0000"), JsonNode.class);
    assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(jdbc.sql("select count(*) from gc_emergency where area_code = 'DC-03-06'").query(Integer.class)
        .single()).isEqualTo(before);
  }

  @Test
  void anOpen311PostWithMarkupIsRefusedNamingTheParameter() throws Exception {
    int before = count();
    for (String markup : MARKUP) {
      ResponseEntity<String> answer = open311PostRaw(Map.of("description", markup));
      assertThat(answer.getStatusCode()).as(markup).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(objectMapper.readTree(answer.getBody()).get(0).get("description").asText()).startsWith("description");
    }
    ResponseEntity<String> name = open311PostRaw(Map.of("description", "路灯不亮", "first_name",
        "&lt;img src=x onerror=alert(1)&gt;"));
    assertThat(name.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(name.getBody()).contains("first_name");
    assertThat(open311PostRaw(Map.of("description", "路灯\u0000不亮")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(count()).isEqualTo(before);
  }

  private Map<String, Object> with(String key, String value) {
    Map<String, Object> body = new HashMap<>(Map.of("description", "小区路灯不亮", "gridCode", "DC-01-01-002",
        "categoryCode", "C04", "channel", "hotline", "requesterName", "王先生", "requesterPhone", "13912345678"));
    body.put(key, value);
    return body;
  }

  private ResponseEntity<JsonNode> post(Map<String, Object> body) {
    return rest.withBasicAuth("demo", "demo").postForEntity("/api/requests", body, JsonNode.class);
  }

  /** The one error of a 400 answer, for the given field. */
  private static JsonNode error(ResponseEntity<JsonNode> answer, String field) {
    assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    List<JsonNode> errors = StreamSupport.stream(answer.getBody().get("errors").spliterator(), false)
        .filter(error -> error.get("field").asText().equals(field)).toList();
    assertThat(errors).as(answer.getBody().toString()).hasSize(1);
    return errors.get(0);
  }

  private JsonNode open311Post(Map<String, String> fields) throws Exception {
    ResponseEntity<String> answer = open311PostRaw(fields);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return objectMapper.readTree(answer.getBody());
  }

  private ResponseEntity<String> open311PostRaw(Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey());
    form.put("service_code", "C04");
    form.put("address_id", "B-01-01-001-01");
    form.putAll(fields);
    String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8");
    return rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(body, headers), String.class);
  }

  private String apiKey;

  private String apiKey() {
    if (apiKey == null) {
      apiKey = rest.withBasicAuth("demo", "demo").postForEntity("/api/open311/keys",
          Map.of("clientName", "text-test-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime()), JsonNode.class)
          .getBody().get("key").asText();
    }
    return apiKey;
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
