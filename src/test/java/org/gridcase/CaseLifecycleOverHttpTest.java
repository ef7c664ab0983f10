package org.gridcase;

@GridcaseTest
class CaseLifecycleOverHttpTest extends CaseLifecycleOverHttpScenarios {
}
