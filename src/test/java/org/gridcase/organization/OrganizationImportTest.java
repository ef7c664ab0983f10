package org.gridcase.organization;

import org.gridcase.GridcaseTest;

@GridcaseTest
class OrganizationImportTest extends OrganizationImportScenarios {
}
