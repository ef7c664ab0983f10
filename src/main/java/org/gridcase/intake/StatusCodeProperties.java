package org.gridcase.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param secret key of the check codes of public status links (HMAC-SHA256), at least 32 characters; empty
 *     (the default) means one is generated at first start and kept in {@code gc_secret}, shared by every node.
 *     Changing it invalidates every status link sent so far.
 */
@ConfigurationProperties("gridcase.status-codes")
record StatusCodeProperties(String secret) {

  StatusCodeProperties {
    if (secret != null && !secret.isBlank() && secret.length() < 32) {
      throw new IllegalArgumentException("gridcase.status-codes.secret must have at least 32 characters");
    }
  }
}
