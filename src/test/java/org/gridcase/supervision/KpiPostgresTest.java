package org.gridcase.supervision;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class KpiPostgresTest extends KpiScenarios {
}
