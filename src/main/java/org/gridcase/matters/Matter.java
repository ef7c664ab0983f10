package org.gridcase.matters;

/**
 * A matter of the catalogue (事项清单). A matter that is not {@code admitted} (禁入) is declined at
 * triage, pointing the requester to {@code competentBody}.
 */
public record Matter(String code, String name, String domainCode, String domainName, Colour defaultColour,
    boolean admitted, String competentBody, boolean active) {
}
