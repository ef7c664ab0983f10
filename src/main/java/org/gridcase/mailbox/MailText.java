package org.gridcase.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gridcase.common.UserText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A mail body reduced to the citizen's own words: plain text without markup, scripts or styles, and
 * without the quoted thread and the signature where they can be recognised.
 */
final class MailText {

  /** Quoted thread in HTML: Gmail, Thunderbird, Apple Mail and most others quote in a blockquote. */
  private static final String QUOTES = "blockquote, .gmail_quote, .gmail_signature, .moz-cite-prefix,"
      + " .moz-signature";
  /** Outlook marks where the quoted thread starts; everything from there on is the old mail. */
  private static final String QUOTE_STARTS = "#appendonsend, #divRplyFwdMsg";
  private static final Pattern ATTRIBUTION = Pattern.compile(
      "(On\\s.{1,300}\\swrote:|.{0,300}写道[：:])\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "-{3,}\\s*(Original Message|原始邮件)\\s*-{3,}", Pattern.CASE_INSENSITIVE);
  private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

  private MailText() {
  }

  /** An HTML body as plain text, one line per paragraph or line break. */
  static String fromHtml(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head, title, template, noscript").remove();
    for (Element start : document.select(QUOTE_STARTS)) {
      start.nextElementSiblings().remove();
    }
    document.select(QUOTE_STARTS).remove();
    document.select(QUOTES).remove();
    StringBuilder text = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          text.append(inPre(textNode) ? textNode.getWholeText() : textNode.text());
        } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
          text.append('\n');
        }
      }
    }, document.body());
    // Only text nodes were taken; the intake's Safelist.none() cleaning is a second guard. Indentation
    // in HTML source is not the writer's, so lines are stripped on both sides.
    return normalise(text.toString().lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse(""));
  }

  /**
   * Drops quoted lines ({@code >}), and cuts at the signature delimiter ({@code -- }), at an attribution
   * line ("On … wrote:", "在 … 写道：") or an "Original Message" separator. A text that would be empty
   * after trimming (a bare forward, say) is kept whole: a request is better than nothing.
   */
  static String withoutQuotesAndSignature(String text) {
    String[] lines = normalise(text).split("\n", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String withNext = i + 1 < lines.length ? line + " " + lines[i + 1].strip() : line;
      // normalise() dropped the trailing blank of the "-- " delimiter.
      if (line.equals("--") || ORIGINAL_MESSAGE.matcher(line).matches()
          || ATTRIBUTION.matcher(line).matches() || line.startsWith("On ") && ATTRIBUTION.matcher(withNext).matches()) {
        break;
      }
      if (!line.startsWith(">")) {
        kept.add(lines[i]);
      }
    }
    String trimmed = normalise(String.join("\n", kept));
    return trimmed.isEmpty() ? normalise(text) : trimmed;
  }

  /**
   * The subject, a blank line and the body, at most {@code max} characters (cut with "…"). In a text the
   * intake would refuse as markup (a plain-text {@code <https://…>}, also written as entities), angle
   * brackets become fullwidth ＜＞ and control characters are dropped ({@link UserText#neutralised}).
   */
  static String description(String subject, String body, int max) {
    String head = subject == null ? "" : subject.strip();
    String text = head.isEmpty() ? body : body.isEmpty() ? head : head + "\n\n" + body;
    return truncate(withoutMarkup(text), max);
  }

  static String withoutMarkup(String text) {
    return UserText.neutralised(text);
  }

  static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    if (max < 1) {
      return "";
    }
    int end = max - 1;
    // end > 0: a limit of one character leaves room for the ellipsis only (found by MailTextFuzzTest).
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private static boolean inPre(TextNode node) {
    for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
      if (parent.nameIs("pre")) {
        return true;
      }
    }
    return false;
  }

  /** Unix line ends, no trailing blanks, no non-breaking spaces, at most one empty line in a row. */
  private static String normalise(String text) {
    String unix = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00a0', ' ');
    StringBuilder lines = new StringBuilder();
    for (String line : unix.split("\n", -1)) {
      lines.append(line.stripTrailing()).append('\n');
    }
    return BLANK_LINES.matcher(lines.toString()).replaceAll("\n\n").strip();
  }
}
