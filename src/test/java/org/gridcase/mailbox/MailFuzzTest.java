package org.gridcase.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

/**
 * Any bytes from the mailbox: the parser reads them or fails with a mail exception (the message is then
 * refused and logged), never with anything else; the texts it makes stay within their limits.
 */
class MailFuzzTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  @FuzzTest(maxDuration = "3m")
  void anyMessageIsParsedOrRefusedAsMail(byte[] bytes) throws Exception {
    MimeMessage message;
    try {
      message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    } catch (MessagingException | IndexOutOfBoundsException e) {
      // jakarta.mail itself fails on a header block that starts with a continuation line (" \n ((", kept in
      // MailFuzzTestInputs); MailboxPoller refuses any message whose reading fails, and goes on with the next.
      return;
    }
    try {
      InboundMail mail = new MailParser(1000).parse(message, "fuzz");
      assertThat(mail.text()).isNotNull();
    } catch (MessagingException | IOException expected) {
      // refused as mail: InboundMailHandler records it as REFUSED
    }
  }

  @FuzzTest(maxDuration = "3m")
  void mailTextsStayPlainAndWithinLimits(FuzzedDataProvider data) {
    int max = data.consumeInt(1, 5000);
    String subject = data.consumeString(300);
    String html = data.consumeRemainingAsString();
    String text = MailText.fromHtml(html);
    assertThat(text).isNotNull();
    assertThat(MailText.withoutQuotesAndSignature(text)).isNotNull();
    assertThat(MailText.description(subject, text, max).length()).isLessThanOrEqualTo(max);
    assertThat(MailText.truncate(html, max).length()).isLessThanOrEqualTo(max);
  }
}
