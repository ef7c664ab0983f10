package org.gridcase.security;

import org.gridcase.GridcaseTest;

@GridcaseTest
class EngineAttackTest extends EngineAttackScenarios {
}
