package org.gridcase.organization;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class OrganizationImportPostgresTest extends OrganizationImportScenarios {
}
