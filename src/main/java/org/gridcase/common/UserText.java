package org.gridcase.common;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Text typed by citizens and handlers, reduced to plain text before it is stored or shown. */
public final class UserText {

  private static final Document.OutputSettings PLAIN =
      new Document.OutputSettings().prettyPrint(false);

  private static final int MAX_ROUNDS = 4;

  private UserText() {
  }

  /**
   * Strips every tag (scripts with their content) and decodes entities, keeping line breaks.
   * Returns null for null and the trimmed plain text otherwise.
   */
  public static String plain(String input) {
    if (input == null) {
      return null;
    }
    String text = input;
    // Entities can spell markup ("&lt;b&gt;", seen while writing UserTextFuzzTest): clean again until decoding them
    // makes no element; text that still would after a few rounds keeps its entities undecoded.
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String cleaned = Jsoup.clean(text, "", Safelist.none(), PLAIN);
      String decoded = org.jsoup.parser.Parser.unescapeEntities(cleaned, false);
      if (Jsoup.parseBodyFragment(decoded).body().children().isEmpty()) {
        return decoded.strip();
      }
      text = decoded;
    }
    return Jsoup.clean(text, "", Safelist.none(), PLAIN).strip();
  }

  /** True when the input carried markup that {@link #plain(String)} removes. */
  public static boolean hasMarkup(String input) {
    return input != null && !Jsoup.isValid(input, Safelist.none());
  }
}
