package org.gridcase.open311;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The answer's format, chosen by the suffix of the resource: {@code services.xml}, {@code services.json}. */
enum Format {
  XML("xml", MediaType.parseMediaType("text/xml; charset=utf-8")),
  JSON("json", MediaType.parseMediaType("application/json; charset=utf-8"));

  private final String suffix;
  private final MediaType mediaType;

  Format(String suffix, MediaType mediaType) {
    this.suffix = suffix;
    this.mediaType = mediaType;
  }

  MediaType mediaType() {
    return mediaType;
  }

  /** The MIME type without parameters, as discovery lists it. */
  String mimeType() {
    return mediaType.getType() + "/" + mediaType.getSubtype();
  }

  static Optional<Format> ofSuffix(String suffix) {
    return Arrays.stream(values()).filter(format -> format.suffix.equals(suffix)).findFirst();
  }
}
