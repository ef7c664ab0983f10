package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 13's SMTP that hangs (accepts the connection, never greets): intake and the triage commit without
 * touching it, the mail job gives up at the read timeout and keeps its retries, and the mail goes out once
 * the server answers again. The sender is pointed at the hanging socket for this test only, with a short
 * timeout so the test waits one second, not the configured ten.
 */
@GridcaseTest
class HangingSmtpTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;
  @Autowired JavaMailSenderImpl sender;

  @Test
  void aHangingSmtpServerNeitherBlocksNorLosesTheBusinessStepAndTheMailIsRetried() throws Exception {
    int port = sender.getPort();
    Properties properties = sender.getJavaMailProperties();
    List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    Job job;
    try (ServerSocket hanging = new ServerSocket(0)) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(hanging.accept());
          }
        } catch (java.io.IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Properties quick = new Properties();
      quick.putAll(properties);
      quick.setProperty("mail.smtp.timeout", "1000");
      sender.setJavaMailProperties(quick);
      sender.setPort(hanging.getLocalPort());

      JsonNode receipt = rest.withBasicAuth("demo", "demo").postForObject("/api/requests", Map.of(
          "description", "家里停水两天了", "categoryCode", "X03", "gridCode", "DC-01-04-003", "channel", "hotline",
          "requesterEmail", "zhao@example.org"), JsonNode.class);
      assertThat(receipt.get("status").asText()).as("intake committed").isEqualTo("TRIAGE");
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processInstanceBusinessKey(receipt.get("trackingNumber").asText()).singleResult();
      String triage = taskService.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(Elements.TASK_TRIAGE).singleResult().getId();
      taskService.complete(triage, Map.of("triageDecision", "accept", "categoryCode", "X03", "colour", "green",
          "gridCode", "DC-01-04-003"));
      assertThat(jdbc.sql("select status from gc_request where tracking_number = ?").param(instance.getBusinessKey())
          .query(String.class).single()).as("the triage committed").isNotEqualTo("TRIAGE");

      job = managementService.createJobQuery().processInstanceId(instance.getId())
          .activityId(Elements.TASK_SEND_FEEDBACK_MAIL).singleResult();
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("not sent")
          .hasMessageNotContaining("zhao@example.org");
      assertThat(held).as("the server was reached and left hanging").isNotEmpty();
    } finally {
      sender.setPort(port);
      sender.setJavaMailProperties(properties);
      for (Socket socket : held) {
        socket.close();
      }
    }
    Job retried = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    managementService.executeJob(job.getId());
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("zhao@example.org");
  }
}
