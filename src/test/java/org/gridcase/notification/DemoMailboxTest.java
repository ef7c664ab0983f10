package org.gridcase.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.gridcase.notification.DemoMailbox.DemoMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's built-in mail server receives what {@link Mailer} sends over SMTP and lists it; it stands aside
 * when another server holds the port. Uses GreenMail's test port, like the other mail tests.
 */
class DemoMailboxTest {

  static final int PORT = ServerSetupTest.SMTP.getPort();

  DemoMailbox mailbox;
  DemoMailbox second;

  @AfterEach
  void stop() {
    for (DemoMailbox box : new DemoMailbox[] {mailbox, second}) {
      if (box != null) {
        box.stop();
      }
    }
  }

  @Test
  void receivesWhatTheMailerSendsAndListsItNewestFirst() {
    mailbox = new DemoMailbox(mailProperties("localhost"), null);
    mailbox.start();
    assertThat(mailbox.receiving()).isTrue();

    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("localhost");
    sender.setPort(PORT);
    Mailer mailer = new Mailer(sender, new MailProperties("noreply@gridcase.local", "网格化服务管理中心"));
    mailer.send("leader-01-01-001@demo.gridcase.org", "【应急状态】东城街道已启动应急“1+2”扁平化模式",
        "东城街道自今日起启动应急模式。", "notice 1 (EMERGENCY_DECLARED)");
    mailer.send("officer-cg-1@demo.gridcase.org", "【网格诉求】待领取的新待办：部门报到", "请及时领取。", "notice 2");

    List<DemoMail> mails = mailbox.received();
    assertThat(mails).hasSize(2);
    assertThat(mails).extracting(DemoMail::to)
        .containsExactlyInAnyOrder("leader-01-01-001@demo.gridcase.org", "officer-cg-1@demo.gridcase.org");
    DemoMail emergency = mails.stream().filter(mail -> mail.subject().startsWith("【应急状态】")).findFirst()
        .orElseThrow();
    assertThat(emergency.text()).contains("东城街道自今日起启动应急模式。");
    assertThat(mails.get(0).receivedAt()).isAfterOrEqualTo(mails.get(1).receivedAt());

    second = new DemoMailbox(mailProperties("localhost"), null);
    second.start();
    assertThat(second.receiving()).as("the port is taken: it stands aside").isFalse();
    assertThat(second.received()).isEmpty();
  }

  @Test
  void standsAsideWhenTheMailHostIsAnotherMachine() {
    mailbox = new DemoMailbox(mailProperties("mailpit"), null);
    mailbox.start();
    assertThat(mailbox.receiving()).isFalse();
    assertThat(mailbox.isRunning()).isFalse();
  }

  private static org.springframework.boot.autoconfigure.mail.MailProperties mailProperties(String host) {
    org.springframework.boot.autoconfigure.mail.MailProperties properties =
        new org.springframework.boot.autoconfigure.mail.MailProperties();
    properties.setHost(host);
    properties.setPort(PORT);
    return properties;
  }
}
