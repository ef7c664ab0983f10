package org.gridcase.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Any bytes from the mailbox: the parser reads them or fails with a mail exception (the message is then
 * refused and logged), never with anything else. One @FuzzTest per class: Jazzer fuzzes one per JVM.
 */
class MailMessageFuzzTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @FuzzTest(maxDuration = "10m")
  void anyMessageIsParsedOrRefusedAsMail(byte[] bytes) throws Exception {
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    } catch (MessagingException | IndexOutOfBoundsException e) {
      // jakarta.mail itself fails on a header block that starts with a continuation line (" \n ((", kept in
      // MailMessageFuzzTestInputs); MailboxPoller refuses any message whose reading fails, and goes on.
      return;
    }
    try {
      InboundMail mail = new MailParser(1000).parse(message, "fuzz");
      assertThat(mail.text()).isNotNull();
    } catch (MessagingException | IOException expected) {
      // refused as mail: InboundMailHandler records it as REFUSED
    }
  }
}
