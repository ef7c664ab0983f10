package org.gridcase.modeling;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class ModelerDeploymentPostgresTest extends ModelerDeploymentScenarios {
}
