package org.gridcase.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Text typed by citizens and handlers, reduced to plain text before it is stored or shown. */
public final class UserText {

  private static final Document.OutputSettings PLAIN =
      new Document.OutputSettings().prettyPrint(false);

  private UserText() {
  }

  /**
   * Strips every tag (scripts with their content) and decodes entities, keeping line breaks as LF: a browser
   * posts a textarea's breaks as CRLF, and a CR would come back differently in XML (where parsers fold it) and
   * JSON. Returns null for null and the trimmed plain text otherwise.
   */
  public static String plain(String input) {
    if (input == null) {
      return null;
    }
    String cleaned = Jsoup.clean(input, "", Safelist.none(), PLAIN);
    return org.jsoup.parser.Parser.unescapeEntities(cleaned, false).replace("\r\n", "\n").replace('\r', '\n')
        .strip();
  }

  /** True when the input carried markup that {@link #plain(String)} removes. */
  public static boolean hasMarkup(String input) {
    return input != null && !Jsoup.isValid(input, Safelist.none());
  }
}
