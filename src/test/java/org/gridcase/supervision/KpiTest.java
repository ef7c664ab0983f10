package org.gridcase.supervision;

import org.gridcase.GridcaseTest;

@GridcaseTest
class KpiTest extends KpiScenarios {
}
