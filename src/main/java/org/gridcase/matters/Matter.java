package org.gridcase.matters;

/**
 * A matter of the catalogue (事项清单). A matter that is not {@code admitted} (禁入) is declined at
 * triage, pointing the requester to {@code competentBody}. A {@code isPublic} matter (catalogue key
 * {@code public}) is one whose cases reported through Open311 anyone may list.
 */
public record Matter(String code, String name, String domainCode, String domainName, Colour defaultColour,
    boolean admitted, String competentBody, boolean active, boolean isPublic) {

  /** Not public. */
  public Matter(String code, String name, String domainCode, String domainName, Colour defaultColour,
      boolean admitted, String competentBody, boolean active) {
    this(code, name, domainCode, domainName, defaultColour, admitted, competentBody, active, false);
  }
}
