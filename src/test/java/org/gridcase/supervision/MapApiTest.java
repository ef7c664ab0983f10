package org.gridcase.supervision;

import org.gridcase.GridcaseTest;

@GridcaseTest
class MapApiTest extends MapScenarios {
}
