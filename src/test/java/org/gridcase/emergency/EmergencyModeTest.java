package org.gridcase.emergency;

import org.gridcase.GridcaseTest;

@GridcaseTest
class EmergencyModeTest extends EmergencyModeScenarios {
}
