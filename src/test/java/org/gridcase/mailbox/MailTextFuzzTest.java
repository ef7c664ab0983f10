package org.gridcase.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** The texts made from a mail stay plain and within their limits, whatever its subject and HTML. */
class MailTextFuzzTest {

  @FuzzTest(maxDuration = "10m")
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
