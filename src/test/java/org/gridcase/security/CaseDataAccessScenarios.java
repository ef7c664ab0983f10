package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.intake.CaseFixtures;
import org.gridcase.intake.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Attack: a login of another street, or of a department not called in, reads or adds nothing of a case's
 * people and files (requester, attachment list, file, upload); the case's own units do, masked or in full as
 * the README says. The case is in street 04 (grid DC-04-02-003); the intruder a grid worker of street 01.
 */
abstract class CaseDataAccessScenarios {

  static final String GRID = "DC-04-02-003";
  static final String INTRUDER = "worker-01-01-001";
  static final String PHONE = "13700001111";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Requests requests;
  @Autowired ApplicationContext context;

  String trackingNumber;
  long requestId;
  long attachmentId;

  @BeforeEach
  void openCaseWithAPhoto() throws IOException {
    ProcessInstance instance = new CaseFixtures(context).submit(GRID, "村道边排水沟堵塞", "C01");
    trackingNumber = instance.getBusinessKey();
    requestId = jdbc.sql("select id from gc_request where tracking_number = ?").param(trackingNumber)
        .query(Long.class).single();
    ResponseEntity<JsonNode> uploaded = upload("worker-04-02-003");
    assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    attachmentId = uploaded.getBody().get("id").asLong();
  }

  @Test
  void aGridWorkerOfAnotherStreetGetsForbiddenEverywhere() throws IOException {
    assertThat(status(INTRUDER, "/api/requests/" + trackingNumber + "/requester")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(INTRUDER, "/api/requests/" + trackingNumber + "/attachments")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(INTRUDER, "/api/attachments/" + attachmentId)).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> forbidden = rest.withBasicAuth(INTRUDER, "demo").getForEntity(
        "/api/requests/" + trackingNumber + "/requester", String.class);
    assertThat(forbidden.getBody()).doesNotContain(PHONE, "李");
    assertThat(upload(INTRUDER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(files()).as("nothing added by the intruder").isOne();
  }

  @Test
  void theCasesOwnUnitsSeeItsPeopleMaskedOrInFull() {
    for (String full : List.of("worker-04-02-003", "parttime-04-02-003", "reviewer-04-02", "admin-dc")) {
      JsonNode requester = requester(full);
      assertThat(requester.get("masked").asBoolean()).as(full).isFalse();
      assertThat(requester.get("phone").asText()).as(full).isEqualTo(PHONE);
    }
    for (String masked : List.of("leader-04-02-003", "building-04-02-003", "secretary-04-02",
        "street-secretary-04", "supervisor-04", "supervisor-dc")) {
      JsonNode requester = requester(masked);
      assertThat(requester.get("masked").asBoolean()).as(masked).isTrue();
      assertThat(requester.get("phone").asText()).as(masked).isEqualTo("137****1111");
      assertThat(status(masked, "/api/requests/" + trackingNumber + "/attachments")).as(masked)
          .isEqualTo(HttpStatus.OK);
      assertThat(status(masked, "/api/attachments/" + attachmentId)).as(masked).isEqualTo(HttpStatus.OK);
    }
    for (String stranger : List.of("supervisor-01", "reviewer-01-01", "leader-04-02-004", "officer-cg-1")) {
      assertThat(status(stranger, "/api/requests/" + trackingNumber + "/requester")).as(stranger)
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(status(stranger, "/api/attachments/" + attachmentId)).as(stranger).isEqualTo(HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void aDepartmentCalledInByAWhistleSeesThePeopleMaskedAndOthersDoNot() throws IOException {
    requests.recordWhistle(requestId, "leader-04-02-003", List.of("D-CG"), "D-CG", "请城管协助");
    JsonNode requester = requester("officer-cg-1");
    assertThat(requester.get("masked").asBoolean()).isTrue();
    assertThat(requester.get("name").asText()).isEqualTo("李**");
    assertThat(status("officer-cg-2", "/api/requests/" + trackingNumber + "/attachments")).isEqualTo(HttpStatus.OK);
    assertThat(status("officer-cg-2", "/api/attachments/" + attachmentId)).isEqualTo(HttpStatus.OK);
    assertThat(upload("officer-cg-1").getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(status("officer-ga-1", "/api/requests/" + trackingNumber + "/requester"))
        .as("a department not called in").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status("officer-ga-1", "/api/attachments/" + attachmentId)).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private HttpStatus status(String user, String path) {
    return HttpStatus.valueOf(rest.withBasicAuth(user, "demo").getForEntity(path, byte[].class)
        .getStatusCode().value());
  }

  private JsonNode requester(String user) {
    ResponseEntity<JsonNode> answer = rest.withBasicAuth(user, "demo")
        .getForEntity("/api/requests/" + trackingNumber + "/requester", JsonNode.class);
    assertThat(answer.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
    return answer.getBody();
  }

  private ResponseEntity<JsonNode> upload(String user) throws IOException {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.IMAGE_PNG);
    ByteArrayResource file = new ByteArrayResource(png()) {
      @Override
      public String getFilename() {
        return "现场.png";
      }
    };
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new HttpEntity<>(file, partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/requests/" + trackingNumber + "/attachments",
        HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private int files() {
    return jdbc.sql("select count(*) from gc_attachment where request_id = ?").param(requestId)
        .query(Integer.class).single();
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0x3366CC);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
