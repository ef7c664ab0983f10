package org.gridcase.open311;

import org.gridcase.GridcaseTest;

@GridcaseTest
class RepeatedPostTest extends RepeatedPostScenarios {
}
