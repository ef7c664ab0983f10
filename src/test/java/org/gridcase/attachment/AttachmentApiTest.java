package org.gridcase.attachment;

import org.gridcase.GridcaseTest;

@GridcaseTest
class AttachmentApiTest extends AttachmentScenarios {
}
