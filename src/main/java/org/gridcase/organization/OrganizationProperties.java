package org.gridcase.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dataset Spring resource location of the organisation dataset imported at start-up when its
 *     content changed since the last import, e.g. {@code file:/etc/gridcase/district.yml}. Empty (the
 *     default outside the demo profile): nothing is imported at start-up.
 * @param initialPassword password given to people when their Camunda user is first created. Empty (the
 *     default outside the demo profile): no password; an administrator sets one in Camunda Admin.
 * @param unitCacheTtl how long a node trusts its memory of the units before reading gc_unit again (default
 *     {@code PT1M}): how late it sees an import made on another node. An import on this node is seen at once.
 */
@ConfigurationProperties("gridcase.organization")
record OrganizationProperties(String dataset, String initialPassword,
    @DefaultValue("PT1M") java.time.Duration unitCacheTtl) {

  boolean hasDataset() {
    return dataset != null && !dataset.isBlank();
  }

  boolean hasInitialPassword() {
    return initialPassword != null && !initialPassword.isBlank();
  }
}
