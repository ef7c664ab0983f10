package org.gridcase.supervision;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class MapPostgresTest extends MapScenarios {
}
