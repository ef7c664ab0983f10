package org.gridcase.security;

import org.gridcase.GridcaseTest;

@GridcaseTest
class TextStaysTextTest extends TextStaysTextScenarios {
}
