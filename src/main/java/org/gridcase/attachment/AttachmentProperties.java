package org.gridcase.attachment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of photos and attachments. A file's type is recognised from its first bytes, never taken from
 * the declared content type or the filename; only JPEG, PNG, GIF, WebP and PDF can be recognised.
 *
 * @param maxSize largest file accepted, from any channel (default {@code 5MB}); the upload API answers a
 *     bigger one with 413. Keep {@code spring.servlet.multipart.max-file-size} above it (10MB in
 *     application.yml): Tomcat cuts off a bigger upload without a readable answer.
 * @param allowedTypes media types accepted per source ({@code upload}, {@code email}, {@code open311}); a
 *     source left out keeps its default (default {@code upload} and {@code open311}: photos only,
 *     {@code image/jpeg}, {@code image/png}, {@code image/gif}, {@code image/webp}; {@code email}: those
 *     and {@code application/pdf})
 */
@ConfigurationProperties("gridcase.attachments")
record AttachmentProperties(@DefaultValue("5MB") DataSize maxSize, Map<String, Set<String>> allowedTypes) {

  static final String UPLOAD = "upload";
  static final String EMAIL = "email";
  static final String OPEN311 = "open311";

  private static final List<String> PHOTOS = List.of("image/jpeg", "image/png", "image/gif", "image/webp");

  AttachmentProperties {
    if (maxSize.toBytes() <= 0) {
      throw new IllegalArgumentException("gridcase.attachments.max-size must be positive");
    }
    Map<String, Set<String>> merged = new LinkedHashMap<>();
    merged.put(UPLOAD, Set.copyOf(PHOTOS));
    merged.put(OPEN311, Set.copyOf(PHOTOS));
    merged.put(EMAIL, Set.copyOf(Stream.concat(PHOTOS.stream(), Stream.of("application/pdf")).toList()));
    if (allowedTypes != null) {
      allowedTypes.forEach((source, types) -> {
        for (String type : types) {
          if (FileType.ofMediaType(type).isEmpty()) {
            throw new IllegalArgumentException("gridcase.attachments.allowed-types." + source + ": '" + type
                + "' cannot be recognised; use one of "
                + Stream.of(FileType.values()).map(FileType::mediaType).toList());
          }
        }
        merged.put(source, Set.copyOf(types));
      });
    }
    allowedTypes = Map.copyOf(merged);
  }

  /** The types accepted from a source, in a fixed order; an unknown source is a programming error. */
  Set<FileType> allowedFor(String source) {
    Set<String> types = source == null ? null : allowedTypes.get(source);
    if (types == null) {
      throw new IllegalArgumentException("unknown attachment source '" + source + "'; known: "
          + String.join(", ", allowedTypes.keySet().stream().sorted().toList()));
    }
    Set<FileType> allowed = new LinkedHashSet<>();
    for (FileType type : FileType.values()) {
      if (types.stream().anyMatch(type.mediaType()::equalsIgnoreCase)) {
        allowed.add(type);
      }
    }
    return allowed;
  }
}
