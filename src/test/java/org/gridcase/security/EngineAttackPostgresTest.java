package org.gridcase.security;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class EngineAttackPostgresTest extends EngineAttackScenarios {
}
