package org.gridcase;

@GridcasePostgresTest
class CaseLifecycleOverHttpPostgresTest extends CaseLifecycleOverHttpScenarios {
}
