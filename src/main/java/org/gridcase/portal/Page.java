package org.gridcase.portal;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A small Chinese HTML page; texts go in through jsoup, so they are escaped. */
final class Page {

  private static final String STYLE = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
      + "max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}"
      + "h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;"
      + "border-bottom:1px solid #ddd}th{width:8rem;color:#555;font-weight:normal}.error{color:#b00}"
      + "textarea{width:100%;height:6rem}button{padding:.4rem 1.2rem}footer{margin-top:2rem;color:#888;font-size:.85rem}";

  private final Document document;
  private final Element main;

  Page(String title) {
    document = Document.createShell("");
    document.outputSettings().prettyPrint(false);
    document.head().appendElement("meta").attr("charset", "utf-8");
    document.head().appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    document.title(title + " - 网格化服务管理中心");
    document.head().appendElement("style").appendText(STYLE);
    document.selectFirst("html").attr("lang", "zh-CN");
    main = document.body().appendElement("main");
    main.appendElement("h1").text(title);
  }

  Element main() {
    return main;
  }

  Page paragraph(String text) {
    main.appendElement("p").text(text);
    return this;
  }

  ResponseEntity<String> respond(HttpStatus status) {
    document.body().appendElement("footer").text("网格化服务管理中心 · 本页面不显示任何个人信息");
    return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
        .header("X-Content-Type-Options", "nosniff")
        .body("<!DOCTYPE html>" + document.outerHtml());
  }
}
