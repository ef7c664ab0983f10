package org.gridcase.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridcase.common.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's mail server: GreenMail's SMTP server on {@code spring.mail.host}:{@code spring.mail.port}, so the
 * demo delivers its mail without Mailpit or any other server, nothing fails and no incident piles up. The
 * mail stays in memory and is read at {@code /api/demo/mail} ({@link DemoMailboxController}).
 *
 * <p>Started with the context, before the job executor sends anything. It stands aside when the mail host is
 * another machine (docker-compose's Mailpit) or the port is taken (a local Mailpit): mail then goes there.
 */
@Component
@ConditionalOnProperty(prefix = "gridcase.demo-mailbox", name = "enabled", havingValue = "true")
class DemoMailbox implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  /** One received mail as the demo page shows it. */
  record DemoMail(Instant receivedAt, String to, String subject, String text) {
  }

  private final String host;
  private final int port;
  private final PublicUrl publicUrl;
  private GreenMail server;
  private String standingAside;

  DemoMailbox(MailProperties mail, PublicUrl publicUrl) {
    this.host = mail.getHost() == null ? "localhost" : mail.getHost();
    this.port = mail.getPort() == null ? 25 : mail.getPort();
    this.publicUrl = publicUrl;
  }

  /** Before everything else that starts, in particular the job executor that sends the mail. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE;
  }

  @Override
  public synchronized void start() {
    if (!LOCAL_HOSTS.contains(host)) {
      standingAside = "mail goes to " + host + ":" + port;
      return;
    }
    if (!portFree()) {
      standingAside = "port " + port + " is taken (Mailpit?); mail goes to whatever listens there";
      return;
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** One line saying where the mail is, once the port of the page is known. */
  @EventListener(ApplicationReadyEvent.class)
  void tellWhereTheMailIs() {
    if (server != null) {
      log.info("Demo mailbox: mail is delivered to the built-in SMTP server on localhost:{}; read it at {}"
          + " (as demo/demo)", port, publicUrl.of(DemoMailboxController.PATH));
    } else {
      log.info("Demo mailbox not started: {}", standingAside);
    }
  }

  /** Whether this mailbox receives the mail; false when it stood aside. */
  synchronized boolean receiving() {
    return server != null;
  }

  /** What it received, newest first. */
  synchronized List<DemoMail> received() {
    if (server == null) {
      return List.of();
    }
    List<DemoMail> mails = new ArrayList<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      mails.add(read(message));
    }
    mails.sort(Comparator.comparing(DemoMail::receivedAt).reversed());
    return mails;
  }

  private static DemoMail read(MimeMessage message) {
    try {
      Address[] recipients = message.getRecipients(Message.RecipientType.TO);
      String to = recipients == null ? "" : Arrays.stream(recipients).map(Address::toString)
          .collect(Collectors.joining(", "));
      Object content = message.getContent();
      String text = content instanceof String string ? string : GreenMailUtil.getBody(message);
      Instant at = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
          : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.EPOCH;
      return new DemoMail(at, to, message.getSubject(), text);
    } catch (MessagingException | IOException e) {
      return new DemoMail(Instant.EPOCH, "", "(unreadable message: " + e.getClass().getSimpleName() + ")", "");
    }
  }

  private boolean portFree() {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
      probe.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
