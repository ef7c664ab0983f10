package org.gridcase.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.gridcase.common.UserText;
import org.junit.jupiter.api.Test;

/** The reduction of mail bodies to the citizen's own words, and the mailbox configuration checks. */
class MailTextTest {

  @Test
  void truncatingToOneCharacterLeavesTheEllipsis() {
    // MailTextFuzzTest's finding: a limit of 1 made truncate look before the start of the text.
    assertThat(MailText.truncate("路灯不亮", 1)).isEqualTo("…");
    assertThat(MailText.truncate("路灯不亮", 0)).isEmpty();
    assertThat(MailText.truncate("\uD83D\uDE00\uD83D\uDE00", 2)).isEqualTo("…");
    assertThat(MailText.description("路灯", "不亮", 1)).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void htmlLosesScriptsStylesAndTheQuotedThreadButKeepsLines() {
    String html = "<html><head><style>p{color:red}</style><title>t</title></head><body>"
        + "<p>小区东门的路灯<b>坏了</b>三天。</p><div>晚上很黑<br>老人容易摔倒</div>"
        + "<script>alert('x')</script>"
        + "<div class=\"gmail_quote\">On Mon, 23 Nov 2026 at 10:00, 王 &lt;w@example.org&gt; wrote:"
        + "<blockquote>上一封邮件的内容</blockquote></div></body></html>";

    String text = MailText.withoutQuotesAndSignature(MailText.fromHtml(html));

    assertThat(text).isEqualTo("小区东门的路灯坏了三天。\n\n晚上很黑\n老人容易摔倒");
  }

  @Test
  void outlookThreadIsCutWhereOutlookMarksIt() {
    String html = "<div>请尽快处理。</div><div id=\"appendonsend\"></div><hr>"
        + "<div id=\"divRplyFwdMsg\">发件人: 网格中心</div><div>旧的回执</div>";

    assertThat(MailText.fromHtml(html)).isEqualTo("请尽快处理。");
  }

  @Test
  void plainTextLosesQuotedLinesAttributionsAndSignature() {
    assertThat(MailText.withoutQuotesAndSignature("楼道灯不亮。\n> 旧内容\n>> 更旧\n还有垃圾没清。\n-- \n王先生\n138"))
        .isEqualTo("楼道灯不亮。\n还有垃圾没清。");
    assertThat(MailText.withoutQuotesAndSignature("补充：已经一周了。\n\n在 2026年11月23日 10:00，网格中心 写道：\n旧回执"))
        .isEqualTo("补充：已经一周了。");
    assertThat(MailText.withoutQuotesAndSignature("Still broken.\nOn Mon, 23 Nov 2026 at 10:00, Centre\n<c@x.org>"
        + " wrote:\nold")).isEqualTo("Still broken.");
    assertThat(MailText.withoutQuotesAndSignature("见下。\n------------------ 原始邮件 ------------------\n旧"))
        .isEqualTo("见下。");
  }

  @Test
  void aMailThatIsOnlyAQuoteIsKeptWhole() {
    assertThat(MailText.withoutQuotesAndSignature("> 转给你看看\n> 路灯坏了")).isEqualTo("> 转给你看看\n> 路灯坏了");
  }

  @Test
  void descriptionIsSubjectAndBodyCutAt4000WithAnEllipsis() {
    String long5000 = "长".repeat(5000);

    String description = MailText.description("路灯", long5000, 4000);

    assertThat(description).hasSize(4000).startsWith("路灯\n\n长").endsWith("长…");
    assertThat(MailText.description(" ", "正文", 4000)).isEqualTo("正文");
    assertThat(MailText.description("只有标题", "", 4000)).isEqualTo("只有标题");
  }

  @Test
  void angleBracketsThatReadAsMarkupBecomeFullwidth() {
    String description = MailText.description("链接", "见 <https://example.org/a> 和 a < b", 4000);

    assertThat(UserText.hasMarkup(description)).isFalse();
    assertThat(description).isEqualTo("链接\n\n见 ＜https://example.org/a＞ 和 a ＜ b");
    assertThat(MailText.withoutMarkup("路灯不亮（东门）")).as("no markup, unchanged").isEqualTo("路灯不亮（东门）");
  }

  @Test
  void anEnabledMailboxNeedsItsLoginAndAKnownProtocol() {
    assertThatThrownBy(() -> properties(true, "imap", null))
        .hasMessage("gridcase.mailbox.password is required when gridcase.mailbox.enabled is true");
    assertThatThrownBy(() -> properties(false, "pop3", "secret")).hasMessageContaining("gridcase.mailbox.protocol");
    assertThat(properties(false, "imaps", null).enabled()).isFalse();
  }

  @Test
  void aDisabledMailboxIsNotPolled() {
    MailboxPoller poller = new MailboxPoller(properties(false, "imaps", null), null, null);

    assertThat(poller.poll()).isEmpty();
  }

  private static MailboxProperties properties(boolean enabled, String protocol, String password) {
    return new MailboxProperties(enabled, "localhost", 0, protocol, "shuji", password, "INBOX", "R/PT2M", 50, 5242880,
        Duration.ofSeconds(10), Duration.ofSeconds(30), "http://localhost:8080/status/");
  }
}
