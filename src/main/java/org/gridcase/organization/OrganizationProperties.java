package org.gridcase.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataset Spring resource location of the organisation dataset imported at start-up when its
 *     content changed since the last import, e.g. {@code file:/etc/gridcase/district.yml}. Empty (the
 *     default outside the demo profile): nothing is imported at start-up.
 * @param initialPassword password given to people when their Camunda user is first created. Empty (the
 *     default outside the demo profile): no password; an administrator sets one in Camunda Admin.
 */
@ConfigurationProperties("gridcase.organization")
record OrganizationProperties(String dataset, String initialPassword) {

  boolean hasDataset() {
    return dataset != null && !dataset.isBlank();
  }

  boolean hasInitialPassword() {
    return initialPassword != null && !initialPassword.isBlank();
  }
}
