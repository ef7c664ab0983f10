package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gridcase.GridcaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The edges of GeoReport v2 a client meets beyond the happy path: the server failing, paths the specification
 * does not have, discovery behind a reverse proxy, browsers on other origins (CORS) and line breaks. Repeated
 * posts: {@link RepeatedPostScenarios}.
 */
@GridcaseTest
class GeoReportEdgesTest {

  private static final String READER = "https://map.example.org";
  private static final String REPORTER = "https://report.example.org";
  private static final String STRANGER = "https://elsewhere.example.net";
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApiKeys apiKeys;
  @Autowired ObjectMapper objectMapper;
  GeoReportHttp client;
  String apiKey;

  @BeforeEach
  void issueKey() {
    client = new GeoReportHttp(port, objectMapper);
    apiKey = apiKeys.issue("边缘测试-" + CLIENTS.incrementAndGet(), "demo").key();
  }

  @Test
  void aServerFailureIsAGeoReportErrorListInTheRequestedFormat() throws Exception {
    // A broken dependency: the key table is gone while the client posts.
    jdbc.sql("alter table gc_open311_key rename to gc_open311_key_away").update();
    HttpResponse<String> xml;
    HttpResponse<String> json;
    try {
      xml = post("xml", form("服务器故障时的诉求"));
      json = post("json", form("服务器故障时的诉求"));
    } finally {
      jdbc.sql("alter table gc_open311_key_away rename to gc_open311_key").update();
    }
    assertErrors(xml, "xml", 500, "server");
    assertErrors(json, "json", 500, "server");
    assertThat(json.body()).doesNotContain("timestamp", "gc_open311_key");
  }

  @Test
  void pathsTheSpecificationDoesNotHaveAre404sInItsFormat() throws Exception {
    assertErrors(get("services", Map.of()), "xml", 404, "path");
    assertErrors(get("requests", Map.of()), "xml", 404, "path");
    assertErrors(get("requests.yaml", Map.of()), "xml", 404, "format");
    assertErrors(get("nothing/here.json", Map.of()), "json", 404, "path");
    assertErrors(send(HttpRequest.newBuilder(uri("requests.json")).DELETE(), Map.of()), "json", 404, "path");
    assertErrors(post("json", Map.of("api_key", apiKey)), "json", 400, "service_code");
  }

  @Test
  void discoveryAnnouncesTheAddressTheClientUsed() throws Exception {
    JsonNode direct = objectMapper.readTree(get("discovery.json", Map.of()).body());
    assertThat(direct.at("/endpoints/0/url").asText()).isEqualTo("http://localhost:" + port + "/open311/v2");

    HttpResponse<String> proxied = get("discovery.xml",
        Map.of("X-Forwarded-Host", "gridcase.dachuan.gov.cn", "X-Forwarded-Proto", "https"));
    JsonNode discovery = GeoReportValidator.fromXml(proxied.body(), "discovery");
    GeoReportValidator.xml().discovery(discovery);
    assertThat(discovery.at("/endpoints/0/url").asText()).isEqualTo("https://gridcase.dachuan.gov.cn/open311/v2");

  }

  @Test
  void browsersOnConfiguredOriginsMayReadAndOnlyTheReportingOneMayPost() throws Exception {
    HttpResponse<String> allowed = preflight("requests.json", READER, "GET");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(READER);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");

    HttpResponse<String> stranger = preflight("requests.json", STRANGER, "GET");
    assertErrors(stranger, "json", 403, "Origin");
    assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    assertThat(preflight("requests.json", READER, "POST").statusCode()).as("a reader may not post").isEqualTo(403);
    HttpResponse<String> reporter = preflight("requests.json", REPORTER, "POST");
    assertThat(reporter.statusCode()).isEqualTo(200);
    assertThat(reporter.headers().firstValue("Access-Control-Allow-Origin")).contains(REPORTER);

    HttpResponse<String> read = get("services.json", Map.of("Origin", READER));
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains(READER);
    int before = count();
    HttpResponse<String> foreignPost = send(HttpRequest.newBuilder(uri("requests.json"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(GeoReportHttp.encode(form("别的网站代发的诉求")))), Map.of("Origin", READER));
    assertErrors(foreignPost, "json", 403, "Origin");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aLineBreakReadsTheSameInXmlAndJson() throws Exception {
    String id = id(post("json", form("楼道灯坏了\r\n三楼和四楼都不亮")));
    assertThat(jdbc.sql("select description from gc_request where tracking_number = ?").param(id)
        .query(String.class).single()).as("stored with LF").isEqualTo("楼道灯坏了\n三楼和四楼都不亮");
    assertThat(descriptions(id)).containsExactly("楼道灯坏了\n三楼和四楼都不亮", "楼道灯坏了\n三楼和四楼都不亮");

    // Text stored before intake normalised line breaks keeps its CR in both formats.
    jdbc.sql("update gc_request set description = ? where tracking_number = ?").params("旧数据\r\n第二行", id).update();
    assertThat(descriptions(id)).containsExactly("旧数据\r\n第二行", "旧数据\r\n第二行");
  }

  private List<String> descriptions(String id) throws Exception {
    JsonNode json = objectMapper.readTree(get("requests/" + id + ".json", Map.of()).body());
    JsonNode xml = GeoReportValidator.fromXml(get("requests/" + id + ".xml", Map.of()).body(), "service_requests");
    return List.of(json.get(0).get("description").asText(), xml.get(0).get("description").asText());
  }

  private void assertErrors(HttpResponse<String> answer, String format, int status, String parameter)
      throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith(format.equals("json") ? "application/json" : "text/xml");
    JsonNode errors = format.equals("json") ? objectMapper.readTree(answer.body())
        : GeoReportValidator.fromXml(answer.body(), "errors");
    (format.equals("json") ? GeoReportValidator.json() : GeoReportValidator.xml()).errors(errors, status);
    assertThat(errors.get(0).get("description").asText()).startsWith(parameter + ":");
  }

  private Map<String, String> form(String description) {
    return GeoReportHttp.form(apiKey, description);
  }

  private String id(HttpResponse<String> answer) throws Exception {
    return client.id(answer);
  }

  private HttpResponse<String> preflight(String path, String origin, String method) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        Map.of("Origin", origin, "Access-Control-Request-Method", method));
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return client.get(path, headers);
  }

  private HttpResponse<String> post(String format, Map<String, String> form) throws Exception {
    return client.post(format, form);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
    return client.send(request, headers);
  }

  private URI uri(String path) {
    return client.uri(path);
  }

  private int count() {
    return jdbc.sql("select count(*) from gc_request").query(Integer.class).single();
  }
}
