package org.gridcase.security;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class TextStaysTextPostgresTest extends TextStaysTextScenarios {
}
