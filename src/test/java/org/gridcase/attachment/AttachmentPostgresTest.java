package org.gridcase.attachment;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class AttachmentPostgresTest extends AttachmentScenarios {
}
