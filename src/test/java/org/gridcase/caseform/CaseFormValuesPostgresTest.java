package org.gridcase.caseform;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class CaseFormValuesPostgresTest extends CaseFormValuesScenarios {
}
