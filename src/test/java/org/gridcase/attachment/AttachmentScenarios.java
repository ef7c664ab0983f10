package org.gridcase.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.common.Checksums;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ContentDisposition;
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
 * Photos and files of a case over HTTP and through {@link Attachments}: what is accepted, what is refused
 * (and then not stored), how a file is served back, and the links on the case's task forms. Runs on H2
 * and, in the PostgreSQL suite, on PostgreSQL (the content column is bytea there).
 */
abstract class AttachmentScenarios {

  static final String GRID = "DC-04-02-003";
  /** A handler of that grid: uploading needs no Camunda permission on the case. */
  static final String HANDLER = "building-04-02-003";

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;
  @Autowired Attachments attachments;
  @Autowired ApplicationContext context;

  ProcessInstance instance;
  String trackingNumber;
  long requestId;

  @BeforeEach
  void openCase() {
    instance = new CaseFixtures(context).submit(GRID, "村口垃圾堆放，附现场照片", "C01");
    trackingNumber = instance.getBusinessKey();
    requestId = jdbc.sql("select id from gc_request where tracking_number = ?").param(trackingNumber)
        .query(Long.class).single();
  }

  @Test
  void aPhotoIsStoredAndReadBackWithSafeHeaders() throws IOException {
    byte[] png = png();
    // The declared type is ignored: the content says PNG. The path is dropped from the name.
    ResponseEntity<JsonNode> created = upload(trackingNumber, "../photo.png", "application/octet-stream", png);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().get("id").asLong();
    assertThat(created.getHeaders().getLocation()).hasPath("/api/attachments/" + id);
    assertThat(created.getBody().get("filename").asText()).isEqualTo("photo.png");
    assertThat(created.getBody().get("contentType").asText()).isEqualTo("image/png");
    assertThat(created.getBody().get("size").asLong()).isEqualTo(png.length);

    ResponseEntity<byte[]> read = rest.withBasicAuth(HANDLER, "demo")
        .getForEntity("/api/attachments/" + id, byte[].class);
    assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(read.getBody()).isEqualTo(png);
    HttpHeaders headers = read.getHeaders();
    assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    ContentDisposition disposition = headers.getContentDisposition();
    assertThat(disposition.isInline()).isTrue();
    assertThat(disposition.getFilename()).isEqualTo("photo.png");
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getCacheControl()).contains("private");

    Map<String, Object> row = jdbc.sql("select request_id, source, uploaded_by, sha256, size_bytes from gc_attachment"
        + " where id = ?").param(id).query().singleRow();
    assertThat(row).containsEntry("source", "upload").containsEntry("uploaded_by", HANDLER)
        .containsEntry("sha256", Checksums.sha256(png));
    assertThat(((Number) row.get("request_id")).longValue()).isEqualTo(requestId);

    JsonNode list = rest.withBasicAuth(HANDLER, "demo")
        .getForObject("/api/requests/" + trackingNumber + "/attachments", JsonNode.class);
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(list.get(0).get("href").asText()).isEqualTo("/api/attachments/" + id);
  }

  @Test
  void theRunningCaseLinksEveryFileOnItsForms() throws IOException {
    assertThat(links()).as("no files, no links: the form hides the text").isNull();
    long first = upload(trackingNumber, "现场.png", "image/png", png()).getBody().get("id").asLong();
    assertThat(links()).isEqualTo("- [现场.png](/api/attachments/" + first + ")");

    long second = attachments.store(requestId, "email_[1].png", "image/png", png(), "email");
    assertThat(links()).isEqualTo("- [现场.png](/api/attachments/" + first + ")\n"
        + "- [email\\_\\[1\\].png](/api/attachments/" + second + ")");
    assertThat(links()).doesNotContain("李女士", "13700001111");
  }

  @Test
  void textNamedAsAPhotoIsRefusedAndNothingIsStored() {
    ResponseEntity<JsonNode> response = upload(trackingNumber, "photo.jpg", "image/jpeg",
        "这不是一张照片".getBytes(StandardCharsets.UTF_8));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(onlyErrorField(response)).isEqualTo("file");
    assertThat(stored()).isZero();
    assertThat(links()).isNull();
  }

  @Test
  void anOversizedOrEmptyFileIsRefusedAndNothingIsStored() throws IOException {
    byte[] png = png();
    byte[] oversized = Arrays.copyOf(png, 5 * 1024 * 1024 + 1);
    ResponseEntity<JsonNode> tooBig = upload(trackingNumber, "big.png", "image/png", oversized);
    assertThat(tooBig.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(onlyErrorField(tooBig)).isEqualTo("file");

    ResponseEntity<JsonNode> justRight = upload(trackingNumber, "max.png", "image/png",
        Arrays.copyOf(png, 5 * 1024 * 1024));
    assertThat(justRight.getStatusCode()).as("exactly the limit").isEqualTo(HttpStatus.CREATED);

    ResponseEntity<JsonNode> empty = upload(trackingNumber, "empty.png", "image/png", new byte[0]);
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(onlyErrorField(empty)).isEqualTo("file");
    assertThat(stored()).as("only the file of exactly the limit").isOne();
  }

  @Test
  void anUnknownCaseOrFileIsNotFound() throws IOException {
    assertThat(upload("GC-2026-999999", "photo.png", "image/png", png()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(HANDLER, "demo").getForEntity("/api/requests/GC-2026-999999/attachments",
        String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth(HANDLER, "demo").getForEntity("/api/attachments/999999999", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void nothingWithoutALogin() throws IOException {
    long id = attachments.store(requestId, "photo.png", "image/png", png(), "upload");
    assertThat(rest.exchange("/api/requests/" + trackingNumber + "/attachments", HttpMethod.POST,
        multipart("photo.png", "image/png", png()), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/requests/" + trackingNumber + "/attachments", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/attachments/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(stored()).isOne();
  }

  @Test
  void aPdfIsAcceptedFromEmailButNotAsAPhoto() {
    byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> attachments.store(requestId, "report.pdf", "application/pdf", pdf, "upload"))
        .isInstanceOfSatisfying(InvalidAttachmentException.class, e -> assertThat(e.field()).isEqualTo("file"));
    assertThat(stored()).isZero();

    long id = attachments.store(requestId, "report.pdf", "application/octet-stream", pdf, "email");
    Map<String, Object> row = jdbc.sql("select content_type, source, uploaded_by, filename from gc_attachment"
        + " where id = ?").param(id).query().singleRow();
    assertThat(row).containsEntry("content_type", "application/pdf").containsEntry("source", "email")
        .containsEntry("filename", "report.pdf");
    assertThat(row.get("uploaded_by")).as("a mailbox poll has no user").isNull();
    assertThat(stored()).isOne();
    assertThatThrownBy(() -> attachments.store(requestId, "x.pdf", "application/pdf", pdf, "fax"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fax");
  }

  private ResponseEntity<JsonNode> upload(String trackingNumber, String filename, String declaredType,
      byte[] content) {
    return rest.withBasicAuth(HANDLER, "demo").exchange("/api/requests/" + trackingNumber + "/attachments",
        HttpMethod.POST, multipart(filename, declaredType, content), JsonNode.class);
  }

  private static HttpEntity<MultiValueMap<String, Object>> multipart(String filename, String declaredType,
      byte[] content) {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.parseMediaType(declaredType));
    ByteArrayResource file = new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return filename;
      }
    };
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new HttpEntity<>(file, partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }

  private static String onlyErrorField(ResponseEntity<JsonNode> response) {
    JsonNode errors = response.getBody().get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).get("message").asText()).isNotBlank();
    return errors.get(0).get("field").asText();
  }

  private int stored() {
    return jdbc.sql("select count(*) from gc_attachment where request_id = ?").param(requestId)
        .query(Integer.class).single();
  }

  private String links() {
    return attachments.markdownLinks(requestId, trackingNumber);
  }

  /** A real 2×2 PNG. */
  static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0xCC3333);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
