package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.gridcase.GridcaseTest;
import org.gridcase.common.Checksums;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** {@code /api/open311/keys}: only administrators issue, list and revoke keys; only a hash is stored. */
@GridcaseTest
class ApiKeyAdminTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void anAdministratorIssuesAKeyThatIsShownOnceAndRevokesIt() {
    ResponseEntity<JsonNode> issued = admin().postForEntity("/api/open311/keys", Map.of("clientName", "FixMyStreet 大川"),
        JsonNode.class);
    assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String key = issued.getBody().get("key").asText();
    long id = issued.getBody().get("id").asLong();
    assertThat(key).startsWith("gc311_").hasSizeGreaterThan(40);
    assertThat(issued.getBody().get("keyPrefix").asText()).isEqualTo(key.substring(0, 10));
    assertThat(issued.getHeaders().getLocation()).hasPath("/api/open311/keys/" + id);

    Map<String, Object> row = jdbc.sql("select * from gc_open311_key where id = ?").param(id).query().singleRow();
    assertThat(row.get("KEY_HASH")).isEqualTo(Checksums.sha256(key.getBytes(StandardCharsets.UTF_8)));
    assertThat(row.values()).as("the key itself is not stored").doesNotContain(key);
    assertThat(row).containsEntry("CREATED_BY", "demo").containsEntry("CLIENT_NAME", "FixMyStreet 大川");

    ResponseEntity<String> list = admin().getForEntity("/api/open311/keys", String.class);
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(list.getBody()).contains("FixMyStreet 大川", key.substring(0, 10))
        .doesNotContain(key, (String) row.get("KEY_HASH"));

    assertThat(post(key).getStatusCode()).as("the key works").isEqualTo(HttpStatus.OK);
    assertThat(admin().exchange("/api/open311/keys/" + id, HttpMethod.DELETE, null, Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(jdbc.sql("select revoked_by from gc_open311_key where id = ?").param(id).query(String.class).single())
        .isEqualTo("demo");
    assertThat(post(key).getStatusCode()).as("revoked").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(admin().exchange("/api/open311/keys/999999", HttpMethod.DELETE, null, Void.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> again = admin().postForEntity("/api/open311/keys",
        Map.of("clientName", "FixMyStreet 大川"), JsonNode.class);
    assertThat(again.getStatusCode()).as("a new key once the old one is revoked").isEqualTo(HttpStatus.CREATED);
    assertThat(again.getBody().get("key").asText()).isNotEqualTo(key);
  }

  @Test
  void badInputNamesTheFieldAndOneClientHasOneActiveKey() {
    int before = count();
    assertThat(errorField(Map.of("clientName", " "))).isEqualTo("clientName");
    assertThat(errorField(Map.of("clientName", "<b>x</b>"))).isEqualTo("clientName");
    assertThat(errorField(Map.of("clientName", "x".repeat(65)))).isEqualTo("clientName");
    assertThat(admin().postForEntity("/api/open311/keys", Map.of("clientName", "随手拍小程序"), JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(errorField(Map.of("clientName", "随手拍小程序"))).as("a second active key").isEqualTo("clientName");
    assertThat(count()).isEqualTo(before + 1);
  }

  @Test
  void keysAreForAdministratorsOnly() {
    int before = count();
    TestRestTemplate leader = rest.withBasicAuth("leader-01-01-001", "demo");
    assertThat(leader.postForEntity("/api/open311/keys", Map.of("clientName", "偷偷接入"), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(leader.getForEntity("/api/open311/keys", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("supervisor-dc", "demo").exchange("/api/open311/keys/1", HttpMethod.DELETE, null,
        String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/open311/keys", String.class).getStatusCode())
        .as("/api keeps its Basic authentication").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/open311/v2/services.json", String.class).getStatusCode())
        .as("GeoReport needs no login").isEqualTo(HttpStatus.OK);
    assertThat(count()).isEqualTo(before);
  }

  private TestRestTemplate admin() {
    return rest.withBasicAuth("demo", "demo");
  }

  private String errorField(Map<String, String> body) {
    ResponseEntity<JsonNode> answer = admin().postForEntity("/api/open311/keys", body, JsonNode.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getBody().get("errors").get(0).get("message").asText()).isNotBlank();
    return answer.getBody().get("errors").get(0).get("field").asText();
  }

  private ResponseEntity<String> post(String key) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("api_key", key);
    form.add("service_code", "C04");
    form.add("description", "路灯不亮");
    form.add("address_string", "大川区东城街道朝阳路12号");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity("/open311/v2/requests.json", new HttpEntity<>(form, headers), String.class);
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_open311_key").query(Integer.class).single();
  }
}
