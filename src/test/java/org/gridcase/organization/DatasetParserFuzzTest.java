package org.gridcase.organization;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import org.gridcase.common.DataFileException;

/** Any dataset file is imported or refused with problems naming line and field; nothing else escapes. */
class DatasetParserFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void anyDatasetIsParsedOrRefusedWithItsProblems(String yaml) {
    if (yaml == null) {
      return;
    }
    try {
      new DatasetParser().parse("fuzz", new StringReader(yaml));
    } catch (DataFileException refused) {
      // the answer for a bad file: 400 naming line and field
    }
  }
}
