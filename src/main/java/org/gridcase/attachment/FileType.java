package org.gridcase.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The file types Gridcase accepts, recognised by their first bytes (magic numbers). The declared content
 * type and the filename are the sender's claims and are never trusted.
 */
enum FileType {

  JPEG("image/jpeg", "jpg", "JPEG"),
  PNG("image/png", "png", "PNG"),
  GIF("image/gif", "gif", "GIF"),
  WEBP("image/webp", "webp", "WebP"),
  PDF("application/pdf", "pdf", "PDF");

  private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

  private final String mediaType;
  private final String extension;
  private final String label;

  FileType(String mediaType, String extension, String label) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.label = label;
  }

  String mediaType() {
    return mediaType;
  }

  String extension() {
    return extension;
  }

  String label() {
    return label;
  }

  static Optional<FileType> ofMediaType(String mediaType) {
    return Arrays.stream(values()).filter(type -> type.mediaType.equalsIgnoreCase(mediaType)).findFirst();
  }

  /** The type the content really is, or empty when it is none of the accepted ones. */
  static Optional<FileType> detect(byte[] content) {
    if (startsWith(content, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0, ascii("GIF87a")) || startsWith(content, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    // RIFF container: "RIFF", 4 bytes of length, then the form type.
    if (startsWith(content, 0, ascii("RIFF")) && startsWith(content, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (startsWith(content, 0, ascii("%PDF-"))) {
      return Optional.of(PDF);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, byte[] magic) {
    return content.length >= offset + magic.length
        && Arrays.equals(content, offset, offset + magic.length, magic, 0, magic.length);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
