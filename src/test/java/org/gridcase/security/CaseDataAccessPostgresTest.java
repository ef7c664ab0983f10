package org.gridcase.security;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class CaseDataAccessPostgresTest extends CaseDataAccessScenarios {
}
