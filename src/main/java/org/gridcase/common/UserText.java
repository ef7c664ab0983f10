package org.gridcase.common;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Text typed by citizens and handlers. It stays text: entities are decoded first, then the text is judged.
 * Markup (a tag, comment or doctype, also when written as entities such as {@code &lt;script&gt;}) and
 * control characters are refused naming the field; a lone {@code <} or {@code &} in prose ("水位 < 1米",
 * "A & B") is kept as typed. Every page, mail and API that shows the text escapes it on the way out.
 */
public final class UserText {

  private static final Document.OutputSettings PLAIN =
      new Document.OutputSettings().prettyPrint(false);
  /**
   * Where HTML's tokenizer leaves the data state: "<" followed by a letter (a tag), "/" (an end tag),
   * "!" (comment, doctype, CDATA) or "?" (processing instruction). Any other "<" is text to a browser too.
   */
  private static final Pattern MARKUP = Pattern.compile("<[A-Za-z!/?]");
  /** Entities inside entities ({@code &amp;lt;}) are decoded this many times at most for the check. */
  private static final int DECODE_ROUNDS = 4;

  private UserText() {
  }

  /** A text field that cannot be accepted; the message names the field, in Chinese and English. */
  public static class InvalidTextException extends RuntimeException {
    private final String field;

    InvalidTextException(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * The text of a field as it is kept: entities decoded once, line breaks as LF (a browser posts a textarea's
   * breaks as CRLF, and a CR would come back differently in XML, where parsers fold it, and JSON), trimmed; null when absent, blank or made of
   * invisible characters only (zero-width spaces and joiners, BOM…), so a required field reports it missing.
   *
   * @throws InvalidTextException naming the field for markup (also as entities) or a control character
   *     other than line feed, carriage return and tab
   */
  public static String accept(String field, String input) {
    if (input == null) {
      return null;
    }
    String decoded = input;
    for (int round = 0; ; round++) {
      refuseControlCharacters(field, decoded);
      String next = Parser.unescapeEntities(decoded, false);
      // Entities nested deeper than any honest text are treated as the markup they hide.
      if (MARKUP.matcher(decoded).find() || round == DECODE_ROUNDS && !next.equals(decoded)) {
        throw new InvalidTextException(field, field + "：须为纯文本，不能包含 HTML 标记或脚本（&lt;…&gt; 转义写法也不行）"
            + " (" + field + ": plain text only, no HTML tags or scripts, also not written as entities)");
      }
      if (next.equals(decoded)) {
        break;
      }
      decoded = next;
    }
    String kept = lineFeeds(Parser.unescapeEntities(input, false));
    return isBlank(kept) ? null : kept.strip();
  }

  /**
   * For codes and ids that are not decoded or judged as text: a control character (a NUL, which PostgreSQL
   * refuses in a query) is refused naming the field.
   */
  public static void refuseControlCharacters(String field, String input) {
    if (hasControlCharacters(input)) {
      throw new InvalidTextException(field, field + "：不能包含控制字符（如 NUL） (" + field
          + ": control characters such as NUL are not accepted)");
    }
  }

  /** True when the input holds a control character other than line feed, carriage return and tab. */
  public static boolean hasControlCharacters(String input) {
    return input != null && input.codePoints().anyMatch(UserText::control);
  }

  /** True when nothing is left after removing whitespace and invisible characters. */
  public static boolean isBlank(String text) {
    return text == null || text.codePoints().allMatch(UserText::invisible);
  }

  /**
   * Text from a channel that cannot be asked again (a mail): entities decoded, control characters dropped,
   * and where markup would remain its angle brackets become fullwidth ＜＞, so {@link #accept} takes it.
   */
  public static String neutralised(String input) {
    if (input == null) {
      return null;
    }
    String text = input;
    for (int round = 0; round < DECODE_ROUNDS; round++) {
      String next = Parser.unescapeEntities(text, false);
      if (next.equals(text)) {
        break;
      }
      text = next;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> !control(c)).forEach(kept::appendCodePoint);
    text = kept.toString();
    if (MARKUP.matcher(text).find()) {
      text = text.replace('<', '＜').replace('>', '＞');
    }
    // Entities nested deeper than the rounds above: no ampersand, no entity.
    return hasMarkup(text) ? text.replace('&', '＆') : text;
  }

  /** True when the input carries markup, directly or as entities, or a control character. */
  public static boolean hasMarkup(String input) {
    if (input == null) {
      return false;
    }
    try {
      accept("text", input);
      return false;
    } catch (InvalidTextException e) {
      return true;
    }
  }

  /**
   * Strips every tag (scripts with their content) and decodes entities, keeping line breaks: for text
   * that arrives as HTML on purpose (an HTML mail). Returns null for null and the trimmed plain text otherwise.
   */
  public static String plain(String input) {
    if (input == null) {
      return null;
    }
    String text = input;
    // Entities can spell markup ("&lt;b&gt;", seen while writing UserTextFuzzTest): clean again until decoding them
    // makes no element; text that still would after a few rounds keeps its entities undecoded.
    for (int round = 0; round < DECODE_ROUNDS; round++) {
      String cleaned = Jsoup.clean(text, "", Safelist.none(), PLAIN);
      String decoded = Parser.unescapeEntities(cleaned, false);
      if (Jsoup.parseBodyFragment(decoded).body().children().isEmpty()) {
        return lineFeeds(decoded).strip();
      }
      text = decoded;
    }
    return lineFeeds(Jsoup.clean(text, "", Safelist.none(), PLAIN)).strip();
  }

  private static String lineFeeds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  private static boolean control(int c) {
    return Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
  }

  /** Whitespace, format characters (zero-width space, joiners, BOM, direction marks) and blank fillers. */
  private static boolean invisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
        || c == 0x034F || c >= 0xFE00 && c <= 0xFE0F || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
        || c == 0x2800 || c >= 0xE0100 && c <= 0xE01EF;
  }
}
