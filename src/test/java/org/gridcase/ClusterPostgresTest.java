package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.gridcase.security.SharedSessionScenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 13: two application processes (child JVMs, {@link ClusterNode}) on one PostgreSQL database, both
 * with their job executor on, mail through a GreenMail of this JVM. A login made on one node is valid on the
 * other; timers made due fire once across both; one mail polled by both gives one case; kill -9 of a node
 * while intakes run against both loses and duplicates nothing when clients retry with their ids.
 *
 * <p>Tag {@code cluster}: runs in the {@code cluster} execution of {@code mvn verify -Ppostgres}. The methods
 * share the two nodes and run in order; the kill comes last.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPostgresTest {

  /** Issue 13's figures; smaller with -Dgridcase.cluster.timer-cases / -Dgridcase.cluster.kill-intakes. */
  static final int TIMER_CASES = Integer.getInteger("gridcase.cluster.timer-cases", 500);
  static final int KILL_INTAKES = Integer.getInteger("gridcase.cluster.kill-intakes", 200);
  static final int CLIENTS = 16;
  static final List<String> GRIDS = List.of("DC-01-01-001", "DC-01-01-002", "DC-01-01-003", "DC-01-01-004");
  static final String MAILBOX = "shuji@cluster.gridcase.test";
  static final Duration DEADLINE = Duration.ofMinutes(5);
  static final ObjectMapper JSON = new ObjectMapper();

  final String run = Long.toString(System.currentTimeMillis(), 36);
  final String url = env("GRIDCASE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/gridcase_test");
  final String user = env("GRIDCASE_TEST_DB_USER", "postgres");
  final String password = env("GRIDCASE_TEST_DB_PASSWORD", "");
  final JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, user, password));
  GreenMail mail;
  ClusterNode a;
  ClusterNode b;

  @BeforeAll
  void startMailAndTwoNodes() throws Exception {
    if (LoggerFactory.getLogger("com.icegreen.greenmail") instanceof ch.qos.logback.classic.Logger greenMailLog) {
      // It logs each address it creates a mailbox for: a thousand lines here.
      greenMailLog.setLevel(ch.qos.logback.classic.Level.WARN);
    }
    mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    mail.start();
    mail.setUser(MAILBOX, "shuji", "cluster-test");
    long started = System.nanoTime();
    a = ClusterNode.start("a", settings("node-a"));
    // A alone first: the demo organisation import and the deployment run once, then B finds them done.
    a.awaitReady(Duration.ofMinutes(4));
    long aReady = System.nanoTime();
    b = ClusterNode.start("b", settings("node-b"));
    b.awaitReady(Duration.ofMinutes(4));
    report("nodes ready: A after %d s, B %d s later", seconds(started, aReady), seconds(aReady, System.nanoTime()));
  }

  @AfterAll
  void stopNodesAndMail() throws Exception {
    for (ClusterNode node : new ClusterNode[] {a, b}) {
      if (node != null) {
        node.close();
      }
    }
    if (mail != null) {
      mail.stop();
    }
  }

  private List<String> settings(String hostname) {
    return List.of("--spring.profiles.active=demo,postgres,cluster",
        "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password, "--spring.datasource.hikari.maximum-pool-size=10",
        "--camunda.bpm.job-execution.enabled=true",
        // Timers are made due in the database, which wakes no job executor: look again within 2 s when idle. The
        // executor is Gridcase's own (jobs/JobsProperties); the starter's max-wait no longer reaches it, and an idle
        // node slept up to a minute, long enough for the other to fire all 500 timers alone.
        "--gridcase.jobs.max-wait-millis=2000",
        // The job log's HOSTNAME_ tells which node ran a job.
        "--camunda.bpm.generic-properties.properties.hostname=" + hostname,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
        "--gridcase.demo-mailbox.enabled=false",
        "--gridcase.mailbox.enabled=true", "--gridcase.mailbox.protocol=imap", "--gridcase.mailbox.host=127.0.0.1",
        "--gridcase.mailbox.port=" + mail.getImap().getPort(), "--gridcase.mailbox.username=shuji",
        "--gridcase.mailbox.password=cluster-test",
        // Polls only when the test makes the poll due.
        "--gridcase.mailbox.cycle=R/PT1H",
        // One client address posts hundreds of requests.
        "--gridcase.rate-limits.enabled=false",
        "--logging.level.root=warn", "--logging.level.org.gridcase=info");
  }

  @Test
  @Order(1)
  void aLoginMadeOnNodeAIsValidOnNodeB() {
    Map<String, String> cookies = SharedSessionScenarios.signIn(rest(a), "demo", "demo");
    assertThat(SharedSessionScenarios.signedInUser(rest(b), cookies)).as("node B reads A's session from gc_session")
        .isEqualTo("demo");
  }

  @Test
  @Order(2)
  void timersMadeDueFireOnceAcrossBothNodes() throws Exception {
    String prefix = "cluster-timer-" + run + "-";
    long started = System.nanoTime();
    List<Intake> cases = intakes(prefix, TIMER_CASES, -1);
    report("%d cases taken in through both nodes in %d s", cases.size(), seconds(started, System.nanoTime()));
    String batch = "select process_instance_id from gc_request where client_request_id like '" + prefix + "%'";
    assertThat(jdbc.sql("select count(*) from (" + batch + ") b").query(Integer.class).single()).isEqualTo(TIMER_CASES);

    // Driving the clock: the triage began 30 days ago, and its overdue timer is due now.
    jdbc.sql("update act_ru_variable set long_ = long_ - 30 * 86400000::bigint where name_ = 'slaStartedAt'"
        + " and type_ = 'date' and proc_inst_id_ in (" + batch + ")").update();
    long due = System.nanoTime();
    int timers = jdbc.sql("update act_ru_job set duedate_ = now() - interval '1 minute' where job_def_id_ in"
        + " (select id_ from act_ru_jobdef where act_id_ = 'BoundaryEvent_TriageOverdue')"
        + " and process_instance_id_ in (" + batch + ")").update();
    assertThat(timers).isEqualTo(TIMER_CASES);

    await("every overdue timer fired", () -> jdbc.sql("select count(*) from act_ru_job where job_def_id_ in"
        + " (select id_ from act_ru_jobdef where act_id_ = 'BoundaryEvent_TriageOverdue')"
        + " and process_instance_id_ in (" + batch + ")").query(Integer.class).single() == 0);
    long fired = System.nanoTime();
    String notices = "select n.* from gc_notification n join act_ru_task t on n.event_key = 'overdue:' || t.id_"
        + " where t.task_def_key_ = 'Task_Triage' and t.proc_inst_id_ in (" + batch + ")";
    await("every notice of the breaches sent", () -> jdbc.sql("select count(*) from (" + notices
        + ") n where sent_at is null and skipped_reason is null").query(Integer.class).single() == 0);
    long sent = System.nanoTime();

    List<Map<String, Object>> runs = jdbc.sql("select job_id_, count(*) as successes from act_hi_job_log"
        + " where job_state_ = 2 and act_id_ = 'BoundaryEvent_TriageOverdue' and process_instance_id_ in ("
        + batch + ") group by job_id_").query().listOfRows();
    assertThat(runs).as("one job per case").hasSize(TIMER_CASES);
    assertThat(runs).as("each job succeeded once").allMatch(row -> ((Number) row.get("successes")).intValue() == 1);
    Map<String, Integer> byNode = jdbc.sql("select hostname_, count(*) from act_hi_job_log where job_state_ = 2"
        + " and act_id_ = 'BoundaryEvent_TriageOverdue' and process_instance_id_ in (" + batch + ") group by hostname_")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    int failures = jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 1"
        + " and act_id_ = 'BoundaryEvent_TriageOverdue' and process_instance_id_ in (" + batch + ")")
        .query(Integer.class).single();
    assertThat(jdbc.sql("select count(*), count(distinct proc_inst_id_) from act_hi_actinst"
        + " where act_id_ = 'Task_ReportOverdue' and proc_inst_id_ in (" + batch + ")")
        .query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2))).single())
        .as("the breach reported once per case").containsExactly(TIMER_CASES, TIMER_CASES);

    assertThat(jdbc.sql("select count(distinct event_key) from (" + notices + ") n").query(Integer.class).single())
        .as("one breach notice event per case").isEqualTo(TIMER_CASES);
    int sentNotices = jdbc.sql("select count(*) from (" + notices + ") n where sent_at is not null")
        .query(Integer.class).single();
    Set<String> trackingNumbers = cases.stream().map(Intake::trackingNumber).collect(Collectors.toSet());
    List<String> mails = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      String subject = message.getSubject();
      if (subject.startsWith("【超时督办】") && trackingNumbers.stream().anyMatch(subject::contains)) {
        mails.add(recipients(message) + " " + subject);
      }
    }
    assertThat(mails).as("a mail per notice").hasSize(sentNotices);
    assertThat(new HashSet<>(mails)).as("no mail twice").hasSize(sentNotices);
    report("%d overdue timers made due: all fired in %d s (job log successes by node %s, %d failed attempts"
        + " retried), %d notices mailed %d s later, %d mails", timers, seconds(due, fired), byNode, failures,
        sentNotices, seconds(fired, sent), mails.size());
    assertThat(byNode).as("both nodes fired timers").hasSize(2);
  }

  @Test
  @Order(3)
  void oneMailPolledByTheClusterGivesOneCase() throws Exception {
    String sender = "li-" + run + "@example.org";
    String messageId = "<cluster-" + run + "@example.org>";
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(sender, "李女士", "UTF-8"));
    message.setRecipients(RecipientType.TO, MAILBOX);
    message.setSubject("东门路灯不亮", "UTF-8");
    message.setText("小区东门的路灯坏了三天。", "UTF-8");
    message.saveChanges();
    mail.getUserManager().getUserByEmail(MAILBOX).deliver(message);

    long started = System.nanoTime();
    int polls = jdbc.sql("update act_ru_job set duedate_ = now() - interval '1 second'"
        + " where handler_type_ = 'timer-start-event' and process_def_key_ = 'mailbox-poll'").update();
    assertThat(polls).as("the poll timer").isOne();
    await("the mail taken in", () -> jdbc.sql("select count(*) from gc_inbound_mail where message_id = ?")
        .param(messageId).query(Integer.class).single() > 0);
    // The timer fired (due again in an hour) and its poll job ran; a dead poll job of an earlier suite is left.
    await("the poll ended", () -> jdbc.sql("select count(*) from act_ru_job where process_def_key_ = 'mailbox-poll'"
        + " and (handler_type_ = 'timer-start-event' and duedate_ <= now()"
        + " or handler_type_ <> 'timer-start-event' and retries_ > 0)").query(Integer.class).single() == 0);
    await("the acknowledgement sent", () -> sentTo(sender) > 0);
    long done = System.nanoTime();

    Map<String, Object> inbound = jdbc.sql("select outcome, request_id from gc_inbound_mail where message_id = ?")
        .param(messageId).query().singleRow();
    assertThat(inbound).containsEntry("outcome", "CREATED");
    String trackingNumber = jdbc.sql("select tracking_number from gc_request where id = ?")
        .param(inbound.get("request_id")).query(String.class).single();
    assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = ?")
        .params(trackingNumber, "citizen-request").query(Integer.class).single()).as("one case").isOne();
    assertThat(jdbc.sql("select count(*) from gc_request where channel = 'email' and received_at >"
        + " (select min(received_at) from gc_inbound_mail where message_id = ?) - interval '1 minute'")
        .param(messageId).query(Integer.class).single()).as("no other case from mail").isOne();
    assertThat(sentTo(sender)).as("one acknowledgement").isOne();
    report("one mail polled by the cluster: one case %s, acknowledged once, in %d s", trackingNumber,
        seconds(started, done));
  }

  @Test
  @Order(4)
  void killingNodeAWhileIntakesRunLosesAndDuplicatesNothing() throws Exception {
    String prefix = "cluster-kill-" + run + "-";
    long started = System.nanoTime();
    List<Intake> answers = intakes(prefix, KILL_INTAKES, KILL_INTAKES / 3);
    long done = System.nanoTime();
    assertThat(a.alive()).as("node A was killed").isFalse();

    assertThat(answers).as("every client got its case").hasSize(KILL_INTAKES)
        .allMatch(answer -> answer.trackingNumber() != null);
    assertThat(answers.stream().map(Intake::trackingNumber).distinct()).hasSize(KILL_INTAKES);
    String requests = "from gc_request where client_request_id like '" + prefix + "%'";
    assertThat(jdbc.sql("select count(*), count(distinct client_request_id), count(process_instance_id) " + requests)
        .query((rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single())
        .as("requests, distinct ids, with an instance").containsExactly(KILL_INTAKES, KILL_INTAKES, KILL_INTAKES);
    assertThat(jdbc.sql("select count(*) from act_hi_procinst p join gc_request r on r.process_instance_id = p.id_"
        + " and r.tracking_number = p.business_key_ where r.client_request_id like ?").param(prefix + "%")
        .query(Integer.class).single()).as("each request's own instance").isEqualTo(KILL_INTAKES);
    assertThat(jdbc.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'citizen-request'"
        + " and business_key_ in (select tracking_number " + requests + ")").query(Integer.class).single())
        .as("no second instance for a request").isEqualTo(KILL_INTAKES);
    assertThat(jdbc.sql("select count(*) from act_hi_procinst p where p.proc_def_key_ = 'citizen-request'"
        + " and p.start_time_ >= (select min(received_at) " + requests + ") - interval '1 minute'"
        + " and not exists (select 1 from gc_request r where r.process_instance_id = p.id_)")
        .query(Integer.class).single()).as("no instance without its request").isZero();

    long failedOver = answers.stream().filter(answer -> answer.attempts() > 1).count();
    long replayed = answers.stream().filter(answer -> answer.status() == 200).count();
    report("%d intakes from %d clients, node A killed after %d answers: all in %d s, %d clients retried on B,"
        + " %d of them found their request already created", KILL_INTAKES, CLIENTS, KILL_INTAKES / 3,
        seconds(started, done), failedOver, replayed);
    assertThat(failedOver).as("the kill hit clients of A").isPositive();
  }

  /** One client's request: the tracking number it finally got, the status that gave it, and the attempts. */
  record Intake(String clientRequestId, String trackingNumber, int status, int attempts) {
  }

  /**
   * {@code count} requests with client ids {@code prefix + i} from {@link #CLIENTS} threads, alternating between
   * the nodes; a call that fails goes to the other node with the same id until answered. With {@code killAfter}
   * at least 0, node A is killed once that many answers came back.
   */
  private List<Intake> intakes(String prefix, int count, int killAfter) throws Exception {
    AtomicInteger answered = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Intake>> futures = IntStream.range(0, count).mapToObj(i -> clients.submit(() -> {
        Intake intake = intake(prefix + i, i);
        if (answered.incrementAndGet() == killAfter) {
          a.kill();
        }
        return intake;
      })).toList();
      List<Intake> intakes = new ArrayList<>();
      for (Future<Intake> future : futures) {
        intakes.add(future.get());
      }
      return intakes;
    } finally {
      clients.shutdownNow();
    }
  }

  private Intake intake(String clientRequestId, int i) throws Exception {
    String body = JSON.writeValueAsString(Map.of("description", "楼道灯坏了（" + i + "号楼）",
        "gridCode", GRIDS.get(i % GRIDS.size()), "channel", "hotline", "clientRequestId", clientRequestId));
    ClusterNode node = i % 2 == 0 ? a : b;
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> answer = node.post("/api/requests", body);
        if (answer.statusCode() == 201 || answer.statusCode() == 200) {
          return new Intake(clientRequestId, JSON.readTree(answer.body()).get("trackingNumber").asText(),
              answer.statusCode(), attempt);
        }
        if (answer.statusCode() < 500) {
          throw new AssertionError("intake answered " + answer.statusCode() + ": " + answer.body());
        }
      } catch (IOException lost) {
        // The node is gone or the connection broke: whether the request was stored is unknown.
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no node took " + clientRequestId + " in " + DEADLINE);
      }
      node = node == a ? b : a;
    }
  }

  private int sentTo(String address) {
    int count = 0;
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        if (recipients(message).contains(address)) {
          count++;
        }
      } catch (MessagingException unreadable) {
        throw new IllegalStateException(unreadable);
      }
    }
    return count;
  }

  private static String recipients(MimeMessage message) throws MessagingException {
    Address[] to = message.getRecipients(RecipientType.TO);
    return to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(","));
  }

  /** Polls the database until the condition holds; fails after {@link #DEADLINE}. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      Thread.sleep(250);
    }
  }

  private static TestRestTemplate rest(ClusterNode node) {
    return new TestRestTemplate(new RestTemplateBuilder().rootUri(node.baseUrl()));
  }

  private static long seconds(long fromNanos, long toNanos) {
    return Duration.ofNanos(toNanos - fromNanos).toSeconds();
  }

  private static void report(String format, Object... args) {
    System.out.println("cluster: " + String.format(format, args));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
