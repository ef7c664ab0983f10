package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A GeoReport v2 client over plain HTTP ({@link HttpClient}), which, unlike the JDK's URL connection, may set Origin. */
final class GeoReportHttp {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final ObjectMapper objectMapper;

  GeoReportHttp(int port, ObjectMapper objectMapper) {
    this.port = port;
    this.objectMapper = objectMapper;
  }

  /** What a client posts: its key, a service, a description and an address. */
  static Map<String, String> form(String apiKey, String description) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("service_code", "C04");
    form.put("description", description);
    form.put("address_string", "大川区东城街道朝阳路11号");
    return form;
  }

  HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  HttpResponse<String> post(String format, Map<String, String> form) throws Exception {
    return send(HttpRequest.newBuilder(uri("requests." + format))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form))), Map.of());
  }

  HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) throws Exception {
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + "/open311/v2/" + path);
  }

  /** The service_request_id of a 200 answer to a post, in either format. */
  String id(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    boolean json = answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json");
    JsonNode created = json ? objectMapper.readTree(answer.body())
        : GeoReportValidator.fromXml(answer.body(), "service_requests");
    return created.get(0).get("service_request_id").asText();
  }

  static String encode(Map<String, String> form) {
    return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
