package org.gridcase.modeling;

import org.gridcase.GridcaseTest;

@GridcaseTest
class ModelerDeploymentTest extends ModelerDeploymentScenarios {
}
