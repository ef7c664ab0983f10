package org.gridcase.open311;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class RepeatedPostPostgresTest extends RepeatedPostScenarios {
}
