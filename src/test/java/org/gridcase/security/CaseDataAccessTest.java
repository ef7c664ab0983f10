package org.gridcase.security;

import org.gridcase.GridcaseTest;

@GridcaseTest
class CaseDataAccessTest extends CaseDataAccessScenarios {
}
