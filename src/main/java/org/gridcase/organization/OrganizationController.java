package org.gridcase.organization;

import java.util.List;
import org.gridcase.common.DataFileException;
import org.gridcase.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/organization")
class OrganizationController {

  private final OrganizationImporter importer;
  private final OrganizationDirectory directory;
  private final CurrentUser currentUser;

  OrganizationController(OrganizationImporter importer, OrganizationDirectory directory, CurrentUser currentUser) {
    this.importer = importer;
    this.directory = directory;
    this.currentUser = currentUser;
  }

  /** Replaces the organisation with the posted dataset (YAML body); administrators only. */
  @PostMapping(path = "/import", consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/plain",
      "application/octet-stream"})
  ImportResult importDataset(@RequestBody byte[] dataset) {
    currentUser.requireAdministrator();
    return importer.importDataset("upload by " + currentUser.id(), dataset, currentUser.id());
  }

  record UnitDetails(UnitView unit, List<UnitView> children) {
  }

  @GetMapping("/units/{code}")
  UnitDetails unit(@PathVariable String code) {
    UnitView unit = directory.findUnit(code)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "unknown unit code '" + code + "'"));
    return new UnitDetails(unit, directory.children(code));
  }

  @ExceptionHandler(DataFileException.class)
  ProblemDetail invalidDataset(DataFileException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "组织数据无效，未导入任何内容 (organisation dataset rejected, nothing imported)");
    problem.setProperty("problems", e.problems());
    return problem;
  }
}
