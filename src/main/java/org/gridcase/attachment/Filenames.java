package org.gridcase.attachment;

/**
 * Filenames as senders give them, made safe to store and to show: no directories, no control or
 * invisible formatting characters (a right-to-left override can disguise "gpj.exe" as "exe.jpg"), none
 * of the characters Windows refuses, at most {@value #MAX_LENGTH} characters.
 */
final class Filenames {

  static final int MAX_LENGTH = 200;
  private static final int MAX_EXTENSION = 10;
  private static final String FORBIDDEN = "<>:\"|?*";

  private Filenames() {
  }

  /** The safe name; a name that is empty once cleaned becomes 附件 with the extension of the real type. */
  static String sanitise(String filename, FileType type) {
    String name = filename == null ? "" : filename;
    // Some clients send the whole path of the file on the sender's disk.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints().forEach(c -> {
      if (FORBIDDEN.indexOf(c) >= 0) {
        clean.append('_');
      } else if (!invisible(c)) {
        clean.appendCodePoint(c);
      }
    });
    // Leading dots would make a hidden file, or "..", on the disk of whoever saves it.
    String cleaned = clean.toString().strip().replaceFirst("^\\.+", "").strip();
    if (cleaned.isEmpty()) {
      return "附件." + type.extension();
    }
    return truncate(cleaned);
  }

  private static boolean invisible(int c) {
    int kind = Character.getType(c);
    return kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.SURROGATE
        || kind == Character.LINE_SEPARATOR || kind == Character.PARAGRAPH_SEPARATOR
        || kind == Character.UNASSIGNED || kind == Character.PRIVATE_USE;
  }

  /** Cuts the base name, not the extension, so a long name still opens with the right program. */
  private static String truncate(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION + 1 ? name.substring(dot) : "";
    String base = name.substring(0, name.length() - extension.length());
    int keep = MAX_LENGTH - extension.length();
    return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
  }
}
