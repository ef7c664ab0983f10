package org.gridcase.organization;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/** At start-up: import the configured dataset if it changed, and bring Camunda's identity in line. */
@Component
// Before AccessBootstrap, which shares filters with the groups this import creates.
@org.springframework.core.annotation.Order(0)
class OrganizationStartup implements ApplicationRunner {

  private final OrganizationProperties properties;
  private final OrganizationImporter importer;
  private final IdentitySynchronizer identity;
  private final ResourceLoader resources;

  OrganizationStartup(OrganizationProperties properties, OrganizationImporter importer,
      IdentitySynchronizer identity, ResourceLoader resources) {
    this.properties = properties;
    this.importer = importer;
    this.identity = identity;
    this.resources = resources;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (properties.hasDataset()) {
      Resource dataset = resources.getResource(properties.dataset());
      try (InputStream in = dataset.getInputStream()) {
        if (importer.importIfChanged(properties.dataset(), in.readAllBytes(), null).imported()) {
          return;
        }
      }
    }
    identity.synchronize();
  }
}
