package org.gridcase.mailbox;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.mailbox.InboundMails.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One poll of the mailbox: the unseen messages, oldest first, each in its own transaction. A message is
 * flagged seen only after its transaction committed; if that flag is lost (a crash in between), the next
 * poll finds the Message-ID in gc_inbound_mail and creates nothing. A message that cannot be taken in is
 * recorded as refused and flagged seen too, so it does not block the others. Failing to reach the mailbox
 * fails the poll job (retried, then a Cockpit incident).
 */
@Component
class MailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final MailboxProperties properties;
  private final InboundMailHandler handler;
  private final ProcessEngineConfigurationImpl engine;
  private final MailParser parser;

  MailboxPoller(MailboxProperties properties, InboundMailHandler handler, @Lazy ProcessEngineConfigurationImpl engine) {
    this.properties = properties;
    this.handler = handler;
    this.engine = engine;
    this.parser = new MailParser(properties.maxAttachmentBytes());
  }

  /** Messages taken in by outcome; nothing when the mailbox is disabled. */
  Map<Outcome, Integer> poll() {
    Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    if (!properties.enabled()) {
      return outcomes;
    }
    String protocol = properties.protocol();
    try (Store store = Session.getInstance(sessionProperties(protocol)).getStore(protocol)) {
      store.connect(properties.host(), properties.port() == 0 ? -1 : properties.port(), properties.username(),
          properties.password());
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int i = 0; i < Math.min(unseen.length, properties.maxMessagesPerPoll()); i++) {
          Outcome outcome = take((UIDFolder) folder, (MimeMessage) unseen[i]);
          unseen[i].setFlag(Flags.Flag.SEEN, true);
          outcomes.merge(outcome, 1, Integer::sum);
        }
      } finally {
        folder.close(false);
      }
    } catch (MessagingException e) {
      // The server's text may quote the login; the kind of failure is enough to act on.
      throw new IllegalStateException("mailbox folder " + properties.folder() + " not polled: "
          + e.getClass().getSimpleName());
    }
    if (!outcomes.isEmpty()) {
      log.info("mailbox polled: {}", outcomes);
    }
    return outcomes;
  }

  private Outcome take(UIDFolder folder, MimeMessage message) throws MessagingException {
    String key = InboundMails.key(message.getMessageID(), folder.getUIDValidity(), folder.getUID(message));
    InboundMail mail;
    try {
      mail = parser.parse(message, key);
    } catch (MessagingException | IOException | RuntimeException e) {
      return refuse(key, "邮件无法解析 (unreadable message: " + e.getClass().getSimpleName() + ")");
    }
    try {
      return inNewTransaction(() -> handler.handle(mail));
    } catch (InvalidRequestException e) {
      return refuse(key, "诉求无法登记 (not a valid request): " + e.getMessage());
    } catch (RuntimeException e) {
      return refuse(key, "处理失败 (failed: " + e.getClass().getSimpleName() + ")");
    }
  }

  private Outcome refuse(String key, String reason) {
    return inNewTransaction(() -> handler.refuse(key, reason));
  }

  /**
   * A transaction and engine command of its own, also when the poll runs inside the poll job's command:
   * engine calls made inside (starting a case) then commit with this message, not with the job.
   */
  private <T> T inNewTransaction(Supplier<T> work) {
    return engine.getCommandExecutorTxRequiresNew().execute(context -> work.get());
  }

  private Properties sessionProperties(String protocol) {
    Properties session = new Properties();
    String prefix = "mail." + protocol + ".";
    session.put(prefix + "connectiontimeout", Long.toString(properties.connectTimeout().toMillis()));
    session.put(prefix + "timeout", Long.toString(properties.timeout().toMillis()));
    // Reading a message must not flag it seen: that happens after its transaction committed.
    session.put(prefix + "peek", "true");
    return session;
  }
}
