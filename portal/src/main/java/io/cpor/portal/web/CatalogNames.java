package io.cpor.portal.web;

import io.cpor.schemas.catalog.SolutionCatalog;
import org.springframework.stereotype.Component;

/** The catalog's names for the codes the APIs answer with; a code the catalog does not know is shown as it is. */
@Component("names")
public class CatalogNames {

    private final SolutionCatalog catalog;

    CatalogNames(SolutionCatalog catalog) {
        this.catalog = catalog;
    }

    public String area(Object code) {
        return catalog.solutionArea(String.valueOf(code)).map(SolutionCatalog.SolutionArea::name)
                .orElse(String.valueOf(code));
    }

    public String program(Object area, Object code) {
        return catalog.solutionArea(String.valueOf(area)).flatMap(found -> found.program(String.valueOf(code)))
                .map(SolutionCatalog.Program::name).orElse(String.valueOf(code));
    }

    public String role(Object code) {
        return catalog.partnerRole(String.valueOf(code)).map(SolutionCatalog.PartnerRole::name)
                .orElse(String.valueOf(code));
    }

    public String workload(Object code) {
        return catalog.workload(String.valueOf(code)).map(SolutionCatalog.Workload::name)
                .orElse(String.valueOf(code));
    }
}
