package org.gridcase.intake;

/** How personal data looks to someone who may not see it in full: 138****5678, w***@example.org, 王**. */
final class Masking {

  private Masking() {
  }

  static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9+]", "");
    if (digits.length() < 7) {
      return "****";
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at < 1 ? "***" : email.charAt(0) + "***" + email.substring(at);
  }

  static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, name.codePointCount(0,
        name.length()) - 1));
  }
}
