package org.gridcase.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_FEEDBACK_CALL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_HANDLE_GREEN;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SATISFACTION_REVIEW;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_SEND_FEEDBACK_MAIL;
import static org.gridcase.intake.CitizenRequestProcess.Elements.TASK_TRIAGE;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.StatusCodes;
import org.gridcase.intake.CaseFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The citizen's pages without login: the status page, the survey link of the feedback mail, and masking. */
@GridcaseTest
@ExtendWith(OutputCaptureExtension.class)
class CitizenPagesTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  static final String GRID = "DC-02-07-002";
  static final Pattern SURVEY_LINK = Pattern.compile("http://localhost:\\d+(/survey/[A-Za-z0-9_-]+)");

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired StatusCodes statusCodes;
  CaseFixtures cases;

  @BeforeEach
  void fixtures() {
    cases = new CaseFixtures(context);
  }

  @Test
  void theStatusPageShowsTheStepsAndTheExpectedDateButNoPersonalData() {
    String trackingNumber = submit("张三丰", "13912345678", "zhang.sanfeng@example.org", "我家门口（幸福路8号）路灯不亮");
    ResponseEntity<String> page = rest.getForEntity("/status/" + statusCodes.of(trackingNumber), String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).contains(trackingNumber, "研判中", "诉求已收到", "路灯井盖等市政设施损坏")
        .doesNotContain("张三丰", "13912345678", "zhang.sanfeng", "幸福路");
    assertThat(rest.getForEntity("/status?code=" + statusCodes.of(trackingNumber), String.class).getBody())
        .contains("诉求已收到");

    ResponseEntity<String> missing = rest.getForEntity("/status/GC-2026-999999", String.class);
    assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(missing.getBody()).contains("未找到该诉求").doesNotContain("Exception", "Whitelabel");
    ResponseEntity<String> script = rest.getForEntity("/status/<script>", String.class);
    assertThat(script.getBody()).doesNotContain("<script>");
  }

  @Test
  void theStatusPageShowsAFeedbackCall() {
    ProcessInstance instance = cases.inHandling(GRID, "路灯闪烁", "C04", "green");
    cases.complete(instance, TASK_HANDLE_GREEN, "worker-02-07-002",
        Map.of("handlingAction", "done", "handlingNote", "已更换镇流器"));
    assertThat(rest.getForEntity("/status/" + statusCodes.of(instance.getBusinessKey()), String.class).getBody())
        .contains("已办理完毕").doesNotContain("办理结果已电话告知");
    cases.complete(instance, TASK_FEEDBACK_CALL, "worker-02-07-002", Map.of("feedbackNote", "已电话告知李女士"));
    assertThat(rest.getForEntity("/status/" + statusCodes.of(instance.getBusinessKey()), String.class).getBody())
        .contains("办理结果已电话告知").doesNotContain("李女士");
  }

  @Test
  void theSurveyLinkOfTheFeedbackMailCompletesTheReviewOnce() throws Exception {
    ProcessInstance instance = handledWithFeedbackMail("路灯不亮");
    String link = surveyLink(instance);
    assertThat(rest.getForEntity(link, String.class).getBody()).contains("满意", "基本满意", "不满意");

    ResponseEntity<String> noComment = post(link, "unsatisfied", "");
    assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noComment.getBody()).contains("不满意时请写明原因");
    assertThat(cases.task(instance, TASK_SATISFACTION_REVIEW)).as("nothing recorded").isNotNull();

    ResponseEntity<String> markup = post(link, "satisfied", "<b>很好</b>");
    assertThat(markup.getStatusCode()).as("text stays text").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(markup.getBody()).contains("纯文本").doesNotContain("<b>");
    assertThat(post(link, "satisfied", "很好 <3").getBody()).contains("感谢您的评价");
    assertThat(cases.task(instance, TASK_SATISFACTION_REVIEW)).as("the reviewer's call is not needed").isNull();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    assertThat(jdbc.sql("select satisfaction from gc_request where tracking_number = ?")
        .param(instance.getBusinessKey()).query(String.class).single()).isEqualTo("satisfied");
    assertThat(post(link, "satisfied", "").getStatusCode()).as("one time only").isEqualTo(HttpStatus.GONE);
    assertThat(rest.getForEntity("/survey/not-a-token", String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
  }

  @Test
  void anUnsatisfiedAnswerWithACommentReopensTheCase() throws Exception {
    ProcessInstance instance = handledWithFeedbackMail("垃圾没清走");
    assertThat(post(surveyLink(instance), "unsatisfied", "只清了一半").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(cases.task(instance, TASK_HANDLE_GREEN)).as("重办").isNotNull();
    assertThat(jdbc.sql("select reopen_count from gc_request where tracking_number = ?")
        .param(instance.getBusinessKey()).query(Integer.class).single()).isOne();
  }

  @Test
  void handlersSeeTheRequesterMaskedAndGridWorkersAndReviewersInFull() {
    String trackingNumber = submit("王小明", "13812345678", "wang@example.org", "楼道灯不亮");
    JsonNode masked = rest.withBasicAuth("leader-02-07-002", "demo")
        .getForObject("/api/requests/" + trackingNumber + "/requester", JsonNode.class);
    assertThat(masked.get("phone").asText()).isEqualTo("138****5678");
    assertThat(masked.get("email").asText()).isEqualTo("w***@example.org");
    assertThat(masked.get("name").asText()).isEqualTo("王**");
    JsonNode full = rest.withBasicAuth("reviewer-02-07", "demo")
        .getForObject("/api/requests/" + trackingNumber + "/requester", JsonNode.class);
    assertThat(full.get("phone").asText()).isEqualTo("13812345678");
    assertThat(rest.withBasicAuth("worker-02-07-002", "demo")
        .getForObject("/api/requests/" + trackingNumber + "/requester", JsonNode.class).get("masked").asBoolean())
        .isFalse();
    assertThat(rest.getForEntity("/api/requests/" + trackingNumber + "/requester", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void personalDataNeverReachesTheLogEvenWhenTheFeedbackMailFails(CapturedOutput output) {
    smtp.stop();
    try {
      String trackingNumber = submit("赵六", "13600009999", "zhaoliu.private@example.org", "井盖缺失");
      ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
          .singleResult();
      cases.complete(instance, TASK_TRIAGE, "leader-02-07-002",
          Map.of("triageDecision", "accept", "gridCode", GRID, "categoryCode", "C04", "colour", "green"));
      cases.complete(instance, TASK_HANDLE_GREEN, "worker-02-07-002",
          Map.of("handlingAction", "done", "handlingNote", "已处理"));
      var mailJob = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId(TASK_SEND_FEEDBACK_MAIL).singleResult();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> managementService.executeJob(mailJob.getId()))
          .hasMessageContaining(trackingNumber);
      rest.withBasicAuth("worker-02-07-002", "demo").postForEntity("/api/requests", Map.of("description", "x",
          "gridCode", GRID, "requesterEmail", "not-an-address-13600009999"), String.class);
    } finally {
      smtp.start();
    }
    assertThat(output.getAll()).contains("not sent").doesNotContain("13600009999", "zhaoliu.private", "赵六");
  }

  private String submit(String name, String phone, String email, String description) {
    JsonNode receipt = rest.withBasicAuth("worker-02-07-002", "demo").postForObject("/api/requests", Map.of(
        "description", description, "categoryCode", "C04", "gridCode", GRID, "requesterName", name,
        "requesterPhone", phone, "requesterEmail", email, "channel", "hotline"), JsonNode.class);
    return receipt.get("trackingNumber").asText();
  }

  private ProcessInstance handledWithFeedbackMail(String description) {
    String trackingNumber = submit("李女士", "13700001111", "li@example.org", description);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult();
    cases.complete(instance, TASK_TRIAGE, "leader-02-07-002",
        Map.of("triageDecision", "accept", "gridCode", GRID, "categoryCode", "C04", "colour", "green"));
    cases.complete(instance, TASK_HANDLE_GREEN, "worker-02-07-002",
        Map.of("handlingAction", "done", "handlingNote", "已处理"));
    // The feedback mail and the step after it are jobs of their own.
    for (int i = 0; i < 2; i++) {
      managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()
          .forEach(job -> managementService.executeJob(job.getId()));
    }
    assertThat(cases.task(instance, TASK_SATISFACTION_REVIEW)).isNotNull();
    return instance;
  }

  private String surveyLink(ProcessInstance instance) throws Exception {
    MimeMessage mail = Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
      try {
        return message.getSubject().contains(instance.getBusinessKey());
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow();
    Matcher link = SURVEY_LINK.matcher((String) mail.getContent());
    assertThat(link.find()).as("the feedback mail carries the survey link").isTrue();
    return link.group(1);
  }

  private ResponseEntity<String> post(String link, String satisfaction, String note) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("satisfaction", satisfaction);
    form.add("reviewNote", note);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.postForEntity(link, new HttpEntity<>(form, headers), String.class);
  }
}
