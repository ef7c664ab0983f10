package org.gridcase.notification;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gridcase.calendar.WorkingTime;
import org.gridcase.notification.DemoMailbox.DemoMail;
import org.gridcase.security.CurrentUser;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/demo/mail} (演示邮箱): every mail the demo sent, newest first, for administrators (demo/demo).
 * Only in the demo, where the addresses are fictional; a real deployment has a real mail server.
 */
@RestController
@ConditionalOnProperty(prefix = "gridcase.demo-mailbox", name = "enabled", havingValue = "true")
class DemoMailboxController {

  static final String PATH = "/api/demo/mail";

  private final DemoMailbox mailbox;
  private final CurrentUser currentUser;
  private final DateTimeFormatter shown;

  DemoMailboxController(DemoMailbox mailbox, CurrentUser currentUser, WorkingTime workingTime) {
    this.mailbox = mailbox;
    this.currentUser = currentUser;
    this.shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(workingTime.zone());
  }

  @GetMapping(PATH)
  ResponseEntity<String> mail() {
    currentUser.requireAdministrator();
    List<DemoMail> mails = mailbox.received();
    Document page = Document.createShell("");
    page.outputSettings().prettyPrint(false);
    page.head().appendElement("meta").attr("charset", "utf-8");
    page.title("演示邮箱 - 网格化服务管理中心");
    page.head().appendElement("style").appendText("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',"
        + "sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}article{border-bottom:1px solid"
        + " #ddd;padding:.5rem 0}h2{font-size:1.05rem;margin:.2rem 0}.meta{color:#666;font-size:.9rem}"
        + "pre{white-space:pre-wrap;font-family:inherit;background:#f7f7f7;padding:.5rem}");
    page.selectFirst("html").attr("lang", "zh-CN");
    Element main = page.body().appendElement("main");
    main.appendElement("h1").text("演示邮箱（共 " + mails.size() + " 封）");
    main.appendElement("p").text(mailbox.receiving()
        ? "演示环境内置的邮件服务器收到的全部邮件，最新的在前。正式部署请配置真实的邮件服务器（spring.mail.*）。"
        : "演示邮箱未启用：邮件已发往配置的邮件服务器（spring.mail.host），请在那里查看。");
    for (DemoMail mail : mails) {
      Element article = main.appendElement("article");
      article.appendElement("h2").text(mail.subject() == null ? "（无主题）" : mail.subject());
      article.appendElement("div").addClass("meta")
          .text(shown.format(mail.receivedAt()) + "　收件人：" + mail.to());
      article.appendElement("pre").text(mail.text());
    }
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .header("X-Content-Type-Options", "nosniff")
        .body("<!DOCTYPE html>" + page.outerHtml());
  }
}
