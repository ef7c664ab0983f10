package org.gridcase.emergency;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class EmergencyModePostgresTest extends EmergencyModeScenarios {
}
