package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.gridcase.intake.RequestIntake;
import org.gridcase.intake.RequestIntake.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Attack: an anonymous Open311 client collects what it can. It gets only public cases (posted through
 * Open311 in a matter marked public), at community level with the point rounded; never a hotline, mailbox,
 * e-mail or patrol case, a non-public matter, a flat or building, or the requester.
 */
abstract class PublicOpen311Scenarios {

  static final String FLAT = "大川区东城街道朝阳路11号3单元502室";
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @Autowired TestRestTemplate rest;
  @Autowired RequestIntake intake;
  @Autowired ObjectMapper objectMapper;

  String apiKey;
  List<String> internal = new ArrayList<>();
  String published;
  String privateMatter;

  @BeforeEach
  void casesFromEveryChannel() throws Exception {
    for (String channel : List.of("hotline", "mailbox", "email", "patrol", "api")) {
      internal.add(intake.submit(new Submission(channel + " 路灯不亮，" + FLAT, "C04", "DC-01-01-001", FLAT, "钱先生",
          "13600001234", "qian@example.org", channel, null, "B-01-01-001-01", 31.20351234, 107.44612345), "demo")
          .request().trackingNumber());
    }
    apiKey = rest.withBasicAuth("demo", "demo").postForEntity("/api/open311/keys",
        Map.of("clientName", "public-test-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime()), JsonNode.class)
        .getBody().get("key").asText();
    published = post("C04", "井盖缺失").get(0).get("service_request_id").asText();
    privateMatter = post("B01", "邻居装修噪音纠纷").get(0).get("service_request_id").asText();
  }

  @Test
  void anonymousListingsHoldOnlyPublicCasesWithoutFlatOrBuilding() throws Exception {
    for (String format : List.of("json", "xml")) {
      ResponseEntity<String> all = rest.getForEntity("/open311/v2/requests." + format + "?page_size=200", String.class);
      assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(all.getBody()).contains(published)
          .doesNotContain(internal.toArray(String[]::new)).doesNotContain(privateMatter)
          .doesNotContain("502室", "3单元", "11号", "B-01-01-001-01", "钱先生", "13600001234", "qian@example.org");
    }
    JsonNode listed = json("/open311/v2/requests.json?page_size=200");
    assertThat(listed).isNotEmpty();
    for (JsonNode request : listed) {
      assertThat(request.get("address_id").isNull()).isTrue();
      for (String coordinate : List.of("lat", "long")) {
        if (!request.get(coordinate).isNull()) {
          assertThat(new BigDecimal(request.get(coordinate).asText()).stripTrailingZeros().scale())
              .as(coordinate + " rounded to 3 decimals").isLessThanOrEqualTo(3);
        }
      }
    }
    JsonNode one = json("/open311/v2/requests/" + published + ".json").get(0);
    assertThat(one.get("address").asText()).isEqualTo("大川区东城街道朝阳社区");
    assertThat(one.get("lat").asDouble()).isEqualTo(31.204);
    assertThat(one.get("long").asDouble()).isEqualTo(107.446);
  }

  @Test
  void aCaseThatIsNotPublicIsNotFoundInTheSpecsErrorFormat() throws Exception {
    List<String> hidden = new ArrayList<>(internal);
    hidden.add(privateMatter);
    for (String id : hidden) {
      ResponseEntity<String> answer = rest.getForEntity("/open311/v2/requests/" + id + ".json", String.class);
      assertThat(answer.getStatusCode()).as(id).isEqualTo(HttpStatus.NOT_FOUND);
      JsonNode error = objectMapper.readTree(answer.getBody()).get(0);
      assertThat(error.get("code").asInt()).isEqualTo(404);
      assertThat(error.get("description").asText()).contains("service_request_id").doesNotContain("502");
      assertThat(rest.getForEntity("/open311/v2/requests/" + id + ".xml", String.class).getBody()).contains("<errors>");
    }
    assertThat(json("/open311/v2/requests.json?service_request_id=" + String.join(",", hidden))).isEmpty();
    assertThat(json("/open311/v2/requests.json?service_code=B01&page_size=200")).isEmpty();
  }

  private JsonNode json(String path) throws Exception {
    ResponseEntity<String> answer = rest.getForEntity(path, String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return objectMapper.readTree(answer.getBody());
  }

  private JsonNode post(String serviceCode, String description) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", serviceCode);
    form.put("description", description);
    form.put("address_string", FLAT);
    form.put("lat", "31.20351234");
    form.put("long", "107.44612345");
    form.put("first_name", "先生");
    form.put("last_name", "钱");
    String body = form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8");
    ResponseEntity<String> answer = rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(body, headers),
        String.class);
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
    return objectMapper.readTree(answer.getBody());
  }

}
