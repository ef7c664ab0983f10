package org.gridcase.caseform;

import org.gridcase.GridcaseTest;

@GridcaseTest
class CaseFormValuesTest extends CaseFormValuesScenarios {
}
